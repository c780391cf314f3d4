import type { AiConfigSource } from './configSource'
import { ConfigNotEditableError } from './configSource'
import type { ProvidersFile } from './providersFile'

const READ_ONLY = 'Providers come from the providers file in headless mode; edit that file instead.'

/** Headless mode with `--providers FILE`: the file is the configuration, keys come from the environment. */
export function fileConfigSource(file: ProvidersFile, env: NodeJS.ProcessEnv = process.env): AiConfigSource {
  const keyOf = (name: string | undefined): string | undefined => (name ? env[name] || undefined : undefined)
  return {
    editable: false,
    keyStorage: 'environment',
    list: () => file.providers.map((config) => ({ config, hasKey: keyOf(config.apiKeyEnv) !== undefined })),
    apiKey: (config) => Promise.resolve(keyOf(config.apiKeyEnv)),
    save: () => Promise.reject(new ConfigNotEditableError(READ_ONLY)),
    remove: () => {
      throw new ConfigNotEditableError(READ_ONLY)
    },
    policy: () => file.policy,
    setChains: () => {
      throw new ConfigNotEditableError(READ_ONLY)
    }
  }
}
