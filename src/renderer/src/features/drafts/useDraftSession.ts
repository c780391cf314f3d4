import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'

export type DraftSessionState =
  | { phase: 'none' }
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; session: DocSession }

/** Opens the selected draft's document, and closes it (after its last write) when another is chosen. */
export function useDraftSession(draftId: string | null): DraftSessionState {
  const { client } = useCore()
  const [state, setState] = useState<DraftSessionState>({ phase: 'none' })

  useEffect(() => {
    if (!draftId) {
      setState({ phase: 'none' })
      return
    }
    setState({ phase: 'loading' })
    let session: DocSession | undefined
    let cancelled = false
    DocSession.open(client, draftId, 'draft')
      .then((opened) => {
        session = opened
        if (cancelled) void opened.close()
        else setState({ phase: 'ready', session: opened })
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: describeError(error) })
      })
    return () => {
      cancelled = true
      void session?.close()
    }
  }, [client, draftId])

  return state
}
