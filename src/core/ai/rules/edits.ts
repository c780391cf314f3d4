/** A replacement of text[start, end) by `replacement`, with offsets into the original text. */
export interface TextEdit {
  start: number
  end: number
  replacement: string
}

/** Applies edits in one pass; where two edits overlap, the one that starts first wins. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let result = ''
  let cursor = 0
  for (const edit of ordered) {
    if (edit.start < cursor) continue
    result += text.slice(cursor, edit.start) + edit.replacement
    cursor = edit.end
  }
  return result + text.slice(cursor)
}
