import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../../shared/contracts/settings'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

export interface SettingsState {
  settings: Settings
  /** Why settings cannot be changed right now, or null when they can. */
  unavailable: string | null
  update(patch: SettingsPatch): Promise<void>
}

/** The live settings: follows changes made in any window, and saves through the core. */
export function useSettings(): SettingsState {
  const { client, status } = useCore()
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [unavailable, setUnavailable] = useState<string | null>(
    status.storage === 'blocked' ? 'Settings cannot be saved until Holdfast is updated.' : null
  )

  useEffect(() => {
    if (status.storage === 'blocked') return
    const abort = new AbortController()
    void (async () => {
      try {
        for await (const next of await client.settings.changes(undefined, { signal: abort.signal })) {
          setSettings(next)
        }
      } catch (error) {
        if (!abort.signal.aborted) setUnavailable(describeError(error))
      }
    })()
    return () => abort.abort()
  }, [client, status.storage])

  const update = useCallback(
    async (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }))
      try {
        setSettings(await client.settings.update(patch))
      } catch (error) {
        setUnavailable(describeError(error))
      }
    },
    [client]
  )

  return { settings, unavailable, update }
}
