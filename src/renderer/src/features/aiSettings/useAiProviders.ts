import { useCallback, useEffect, useState } from 'react'
import type { z } from 'zod'
import type { RouterPolicy } from '../../../../shared/ai/routerPolicy'
import type { ProviderListSchema, UsageSchema } from '../../../../shared/contracts/ai'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

type ProviderList = z.infer<typeof ProviderListSchema>
type Usage = z.infer<typeof UsageSchema>

/** The AI provider settings, their token use this month and the per-task chains, loaded from the core. */
export function useAiProviders(open: boolean) {
  const { client } = useCore()
  const [list, setList] = useState<ProviderList | null>(null)
  const [usage, setUsage] = useState<Usage[]>([])
  const [policy, setPolicy] = useState<RouterPolicy | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(
    () =>
      Promise.all([client.ai.providers.list(), client.ai.usage(), client.ai.policy.get()]).then(
        ([providers, used, chains]) => {
          setList(providers)
          setUsage(used)
          setPolicy(chains)
        },
        (e: unknown) => setError(describeError(e))
      ),
    [client]
  )

  useEffect(() => {
    if (open) void refresh()
  }, [open, refresh])

  /** Runs a change; its error is shown, and the lists are reloaded either way. */
  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setError(null)
      try {
        await change()
        return true
      } catch (e) {
        setError(describeError(e))
        return false
      } finally {
        await refresh()
      }
    },
    [refresh]
  )

  return { client, list, usage, policy, error, run }
}
