import { useCallback } from 'react'
import type { UpdateSettings } from '../../../../shared/contracts/updates'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { useWatchedOverview } from '../../lib/useWatchedOverview'

/** Where the app's updates stand and how this computer updates, live while the Settings dialog is open. */
export function useUpdates(open: boolean) {
  const { client } = useCore()
  const watch = useCallback((signal: AbortSignal) => client.updates.watch(undefined, { signal }), [client])
  const { overview, setOverview, error, setError, run } = useWatchedOverview(open, watch)

  /** Shows the change at once, then what the core saved; if saving fails, the error and the saved settings again. */
  const configure = useCallback(
    async (patch: Partial<UpdateSettings>): Promise<void> => {
      const saved = overview?.settings
      const show = (settings: UpdateSettings | undefined): void => setOverview((current) => (current && settings ? { ...current, settings } : current))
      show(saved && { ...saved, ...patch })
      setError(null)
      try {
        show(await client.updates.configure(patch))
      } catch (e) {
        setError(describeError(e))
        show(saved)
      }
    },
    [client, overview, setOverview, setError]
  )

  return { client, overview, error, run, configure }
}
