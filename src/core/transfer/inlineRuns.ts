import type { Node as PMNode } from '@tiptap/pm/model'

/** A stretch of text with one set of styles, or a line break: what DOCX and PDF writers lay out. */
export interface InlineRun {
  text: string
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  link: string | null
  /** A line break (hardBreak) before this run's text. */
  breakBefore: boolean
}

/** The inline content of a paragraph or heading as runs. */
export function inlineRuns(block: PMNode): InlineRun[] {
  const runs: InlineRun[] = []
  let breakBefore = false
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i)
    if (child.type.name === 'hardBreak') {
      if (breakBefore) runs.push({ ...plain(''), breakBefore: true })
      breakBefore = true
      continue
    }
    if (!child.isText) continue
    const marks = new Set(child.marks.map((m) => m.type.name))
    const link: unknown = child.marks.find((m) => m.type.name === 'link')?.attrs.href
    runs.push({
      text: child.text ?? '',
      bold: marks.has('bold'),
      italic: marks.has('italic'),
      underline: marks.has('underline'),
      strike: marks.has('strike'),
      link: typeof link === 'string' && link ? link : null,
      breakBefore
    })
    breakBefore = false
  }
  if (breakBefore) runs.push({ ...plain(''), breakBefore: true })
  return runs
}

function plain(text: string): InlineRun {
  return { text, bold: false, italic: false, underline: false, strike: false, link: null, breakBefore: false }
}
