import { useEffect, useState } from 'react'
import type { ProviderHealth } from '../../../../shared/contracts/ai'
import { useCore } from '../../app/coreContext'

/** Every AI provider's state, live: healthy, degraded, down since …, or local. */
export function useAiHealth(): ProviderHealth[] | null {
  const { client } = useCore()
  const [health, setHealth] = useState<ProviderHealth[] | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void (async () => {
      try {
        for await (const next of await client.ai.health(undefined, { signal: abort.signal })) setHealth(next)
      } catch {
        // The connection closed (a reload, the core restarting): the status bar shows nothing rather than stale states.
        if (!abort.signal.aborted) setHealth(null)
      }
    })()
    return () => abort.abort()
  }, [client])
  return health
}
