import { isProviderError, type CompletionRequest, type Provider, type ProviderError, type StreamOptions } from '../../../../../src/core/ai/provider'

/** How one stream went: the tokens that arrived, and the error it ended with, if any. */
export interface StreamOutcome {
  tokens: string[]
  text: string
  error: ProviderError | undefined
  elapsedMs: number
}

/** Consumes a provider's stream to its end, catching the ProviderError it may end with. */
export async function runStream(provider: Provider, request: CompletionRequest, options: Partial<StreamOptions> = {}): Promise<StreamOutcome> {
  const tokens: string[] = []
  const started = performance.now()
  let error: ProviderError | undefined
  try {
    for await (const token of provider.stream(request, { signal: new AbortController().signal, connectTimeoutMs: 1000, ...options })) tokens.push(token)
  } catch (thrown) {
    if (!isProviderError(thrown)) throw thrown
    error = thrown
  }
  return { tokens, text: tokens.join(''), error, elapsedMs: performance.now() - started }
}
