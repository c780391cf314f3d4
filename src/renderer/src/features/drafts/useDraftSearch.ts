import { useEffect, useState } from 'react'
import type { CombinedHit, SemanticStatus } from '../../../../shared/contracts/search'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

export type SearchState =
  | { phase: 'idle' }
  | { phase: 'searching'; text: string }
  | { phase: 'done'; text: string; hits: CombinedHit[]; semantic: SemanticStatus }
  | { phase: 'failed'; text: string; message: string }

const DEBOUNCE_MS = 150

/** Search by words and by meaning as the user types (debounced); the newest query always wins. */
export function useDraftSearch(text: string): SearchState {
  const { client } = useCore()
  const [result, setResult] = useState<SearchState>({ phase: 'idle' })
  const query = text.trim()

  useEffect(() => {
    if (!query) return
    const abort = new AbortController()
    const timer = setTimeout(() => {
      client.search
        .combined({ text: query }, { signal: abort.signal })
        .then(({ hits, semantic }) => setResult({ phase: 'done', text: query, hits, semantic }))
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setResult({ phase: 'failed', text: query, message: describeError(error) })
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [client, query])

  if (!query) return { phase: 'idle' }
  if (result.phase === 'idle' || result.text !== query) return { phase: 'searching', text: query }
  return result
}
