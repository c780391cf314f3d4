import type { CombinedHit, SearchHit } from '../../../shared/contracts/search'

/** Reciprocal rank fusion's damping constant (the usual 60): rank 1 and rank 5 differ little, so both lists count. */
const RRF_K = 60
const SNIPPET_CHARS = 160

export interface MeaningHit {
  docId: string
  title: string
  /** The passage that matched. */
  text: string
}

/** The start of a passage, cut at a space, for a result found by meaning (no words to highlight). */
export function passageSnippet(text: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.lastIndexOf(' ', max)
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`
}

/**
 * One list from the full-text and the semantic results, by reciprocal rank fusion: each draft
 * scores the sum of 1 / (k + rank) over the lists it is in, so a draft in both rises, and
 * neither list's raw scores (bm25, cosine) need to be comparable. Ties keep word matches first.
 */
export function mergeResults(words: readonly SearchHit[], meaning: readonly MeaningHit[], limit: number): CombinedHit[] {
  const merged = new Map<string, { hit: CombinedHit; score: number }>()
  words.forEach((hit, rank) => merged.set(hit.docId, { hit: { ...hit, matchedBy: 'words' }, score: 1 / (RRF_K + rank + 1) }))
  meaning.forEach((hit, rank) => {
    const score = 1 / (RRF_K + rank + 1)
    const found = merged.get(hit.docId)
    if (found) {
      found.score += score
      found.hit.matchedBy = 'both'
      return
    }
    merged.set(hit.docId, {
      hit: { docId: hit.docId, title: [{ text: hit.title, match: false }], snippet: [{ text: passageSnippet(hit.text), match: false }], matchedBy: 'meaning' },
      score
    })
  })
  // Map order is insertion order (word matches first), and sort is stable.
  return [...merged.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((entry) => entry.hit)
}
