import { useEffect, useState } from 'react'
import type { RelatedDraft, SemanticStatus } from '../../../../shared/contracts/search'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

export type RelatedState =
  | { phase: 'loading' }
  | { phase: 'done'; drafts: RelatedDraft[]; semantic: SemanticStatus }
  | { phase: 'failed'; message: string }

/** Asked again at most this often while drafts are being embedded. */
const REFRESH_MS = 500

/**
 * The drafts closest in meaning to this one. Asked again after each event of the live status
 * stream (a new object each time, even when it reads the same as the one before: drafts were
 * embedded in between), so the list follows edits and new drafts.
 */
export function useRelatedDrafts(docId: string, status: SemanticStatus | null): RelatedState {
  const { client } = useCore()
  const [state, setState] = useState<{ docId: string; result: RelatedState }>({ docId, result: { phase: 'loading' } })

  useEffect(() => {
    const abort = new AbortController()
    const timer = setTimeout(() => {
      client.search
        .related({ docId }, { signal: abort.signal })
        .then((result) => setState({ docId, result: { phase: 'done', ...result } }))
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setState({ docId, result: { phase: 'failed', message: describeError(error) } })
        })
    }, REFRESH_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [client, docId, status])

  return state.docId === docId ? state.result : { phase: 'loading' }
}
