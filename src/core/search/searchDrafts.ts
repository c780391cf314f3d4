import type { Database } from 'better-sqlite3'
import type { SearchHit, TextSegment } from '../../shared/contracts/search'

// Private-use characters mark matches in FTS5's output; they cannot come from typed text
// because the query is rebuilt from letters and digits only.
const OPEN = '\uE000'
const CLOSE = '\uE001'

/** Each word of what the user typed as a quoted prefix term: no FTS5 syntax gets through. */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  return words.slice(0, 16).map((word) => `"${word}"*`).join(' ')
}

export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = []
  for (const part of marked.split(OPEN)) {
    const [match, rest] = part.includes(CLOSE) ? part.split(CLOSE, 2) : [undefined, part]
    if (match) segments.push({ text: match, match: true })
    if (rest) segments.push({ text: rest, match: false })
  }
  return segments
}

/** Drafts whose title or text contain every word (as a prefix), best match first, with highlighted snippets. */
export function searchDrafts(db: Database, text: string, limit: number): SearchHit[] {
  const query = toFtsQuery(text)
  if (!query) return []
  const rows = db
    .prepare<[string, string, string, string, string, number], { doc_id: string; title: string; snippet: string }>(
      `SELECT doc_id,
              highlight(search_index, 1, ?, ?) AS title,
              snippet(search_index, 2, ?, ?, '…', 16) AS snippet
         FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`
    )
    .all(OPEN, CLOSE, OPEN, CLOSE, query, limit)
  return rows.map((row) => ({ docId: row.doc_id, title: toSegments(row.title), snippet: toSegments(row.snippet) }))
}
