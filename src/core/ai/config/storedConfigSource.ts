import { DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { SettingsStore } from '../../settings/settingsStore'
import type { AiStore } from './aiStore'
import type { AiConfigSource } from './configSource'
import type { SecretBox } from './secretBox'

export interface StoredConfigOptions {
  /** The open workspace's stores; null while the database cannot be used. */
  stores: () => { ai: AiStore; settings: SettingsStore } | null
  /** The OS keychain through Electron main; absent in headless mode, where keys come from the environment. */
  secrets?: SecretBox
  env?: NodeJS.ProcessEnv
}

/** The app: providers and chains in the workspace database, keys encrypted by the OS keychain. */
export function storedConfigSource({ stores, secrets, env = process.env }: StoredConfigOptions): AiConfigSource {
  const providers = () => stores()?.ai.providers() ?? []
  return {
    editable: true,
    keyStorage: secrets?.storage ?? 'environment',
    list: () =>
      providers().map(({ config, encryptedKey }) => ({
        config,
        hasKey: secrets ? encryptedKey !== null : Boolean(config.apiKeyEnv && env[config.apiKeyEnv])
      })),
    async apiKey(config) {
      if (!secrets) return config.apiKeyEnv ? env[config.apiKeyEnv] || undefined : undefined
      const stored = providers().find((p) => p.config.id === config.id)
      return stored?.encryptedKey ? secrets.decrypt(stored.encryptedKey) : undefined
    },
    async save(config, apiKey) {
      const current = stores()
      if (!current) throw new Error('The workspace database is not available, so providers cannot be saved.')
      const existing = current.ai.providers().find((p) => p.config.id === config.id)
      let encryptedKey = existing?.encryptedKey ?? null
      if (apiKey === '') encryptedKey = null
      else if (apiKey !== undefined) {
        if (!secrets) throw new Error('In headless mode API keys come from environment variables: set "Key variable" instead.')
        encryptedKey = await secrets.encrypt(apiKey)
      }
      current.ai.save({ config, encryptedKey })
    },
    remove: (providerId) => stores()?.ai.remove(providerId) ?? false,
    policy: (): RouterPolicy => ({ ...DEFAULT_ROUTER_POLICY, chains: stores()?.settings.read().aiChains ?? {} }),
    setChains(chains) {
      stores()?.settings.update({ aiChains: chains })
      return { ...DEFAULT_ROUTER_POLICY, chains }
    }
  }
}
