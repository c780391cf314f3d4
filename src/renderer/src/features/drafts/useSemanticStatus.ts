import { useEffect, useState } from 'react'
import type { SemanticStatus } from '../../../../shared/contracts/search'
import { useCore } from '../../app/coreContext'

/** Whether drafts can be found by meaning, live: a model installed, drafts being embedded, ready. */
export function useSemanticStatus(): SemanticStatus | null {
  const { client } = useCore()
  const [status, setStatus] = useState<SemanticStatus | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void (async () => {
      try {
        for await (const next of await client.search.semanticStatus(undefined, { signal: abort.signal })) setStatus(next)
      } catch {
        // The connection closed (a reload, the core restarting): say nothing rather than something stale.
        if (!abort.signal.aborted) setStatus(null)
      }
    })()
    return () => abort.abort()
  }, [client])
  return status
}
