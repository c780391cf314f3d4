import type { ProviderConfig } from '../../../shared/ai/providerConfig'
import type { RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { KeyStorage } from './secretBox'

/** Where the AI configuration comes from: the workspace database (the app) or a file (headless). */
export interface AiConfigSource {
  readonly editable: boolean
  readonly keyStorage: KeyStorage
  list(): { config: ProviderConfig; hasKey: boolean }[]
  /** The clear key for a provider, in memory only; undefined when it has none. */
  apiKey(config: ProviderConfig): Promise<string | undefined>
  /** `apiKey`: a new key; undefined keeps the stored one; '' removes it. */
  save(config: ProviderConfig, apiKey: string | undefined): Promise<void>
  remove(providerId: string): boolean
  policy(): RouterPolicy
  setChains(chains: RouterPolicy['chains']): RouterPolicy
}

export class ConfigNotEditableError extends Error {
  override readonly name = 'ConfigNotEditableError'
}
