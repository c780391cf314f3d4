import type { StoredChunk } from './embeddingStore'

export interface NearestDraft {
  docId: string
  /** Cosine similarity of the best chunk pair (the vectors are normalized, so a dot product). */
  score: number
  /** The draft's chunk that matched best. */
  text: string
}

export interface NearestOptions {
  limit: number
  /** Below this a draft is not similar enough to show. */
  minScore: number
  /** Only drafts this accepts are considered (default: all). */
  accept?: (docId: string) => boolean
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0)
  return sum
}

/**
 * The drafts whose chunks come closest to any of the query vectors, best first, each with its
 * best chunk. Brute force over every stored chunk: a few thousand chunks of 384 numbers take a
 * few milliseconds, far below what an approximate index would be worth at a workspace's size.
 */
export function nearestDrafts(chunks: Iterable<StoredChunk>, queries: readonly Float32Array[], options: NearestOptions): NearestDraft[] {
  const best = new Map<string, NearestDraft>()
  for (const chunk of chunks) {
    if (options.accept && !options.accept(chunk.docId)) continue
    for (const query of queries) {
      // A vector of another length came from another model; it never compares.
      if (query.length !== chunk.vector.length) continue
      const score = dot(query, chunk.vector)
      if (score < options.minScore) continue
      const current = best.get(chunk.docId)
      if (!current || score > current.score) best.set(chunk.docId, { docId: chunk.docId, score, text: chunk.text })
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, options.limit)
}
