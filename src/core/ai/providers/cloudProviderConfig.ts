import type { NetworkOptions } from '../http/transport'
import type { FailureContext } from './providerFailure'

/** One cloud (or cloud-shaped local) provider as configured in Settings. */
export interface CloudProviderConfig {
  /** Stable id ("openai", "office-vllm"). */
  id: string
  /** The name error messages use ("OpenAI"); the id when absent. */
  label?: string
  /** e.g. "https://api.openai.com/v1", "http://localhost:11434/v1", "https://api.anthropic.com". */
  baseUrl: string
  apiKey?: string
  model: string
  /** The model can see images; without it a request with an image is refused before it is sent. */
  vision?: boolean
  network?: NetworkOptions
}

/**
 * The SDKs' own request timeout, which only covers waiting for the response headers. The router
 * enforces every timeout through the AbortSignal (and the transport the connect timeout), so this
 * is only a backstop; it stays below setTimeout's 24.8-day limit, past which it would fire at once.
 */
export const SDK_TIMEOUT_MS = 60 * 60 * 1000

export function failureContext(config: CloudProviderConfig): FailureContext {
  return { providerName: config.label ?? config.id, baseUrl: config.baseUrl, model: config.model, apiKey: config.apiKey }
}
