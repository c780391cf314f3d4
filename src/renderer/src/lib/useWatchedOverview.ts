import { useCallback, useEffect, useState } from 'react'
import { describeError } from './rpcError'

/**
 * A core stream's latest value while `open` (a panel's live overview), the last error, and `run`
 * for the panel's actions: an action's error is shown until the next action.
 */
export function useWatchedOverview<T>(open: boolean, watch: (signal: AbortSignal) => Promise<AsyncIterable<T>>) {
  const [overview, setOverview] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    const abort = new AbortController()
    void (async () => {
      try {
        for await (const next of await watch(abort.signal)) setOverview(next)
      } catch (e) {
        if (!abort.signal.aborted) setError(describeError(e))
      }
    })()
    return () => abort.abort()
  }, [watch, open])

  const run = useCallback(async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
    setError(null)
    try {
      return await action()
    } catch (e) {
      setError(describeError(e))
      return undefined
    }
  }, [])

  return { overview, setOverview, error, setError, run }
}
