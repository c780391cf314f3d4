import { LOCAL_PROVIDER_ID } from '../../../shared/ai/providerConfig'
import type { InferenceHost } from '../../models/inference/inferenceHost'
import { cannotSeeImages, CONTINUE_INSTRUCTION, type ChatMessage, type CompletionRequest, type Provider, type StreamOptions } from '../provider'

export interface LocalProviderOptions {
  host: InferenceHost
  /** The installed model that answers: its folder path under the models folder. */
  modelId: string
  /** Default LOCAL_PROVIDER_ID ("local"). */
  id?: string
}

/**
 * A local model (transformers.js in the inference worker): no network, no key, no usage cap. The
 * prompt is the tokenizer's own chat template. A continuation request (the partial answer as the
 * assistant's turn, then CONTINUE_INSTRUCTION) is answered by writing the assistant's turn on from
 * the partial text, so a failover mid-answer goes on where the previous provider stopped.
 */
export class LocalProvider implements Provider {
  readonly id: string
  readonly kind = 'local' as const
  readonly model: string

  constructor(private readonly options: LocalProviderOptions) {
    this.id = options.id ?? LOCAL_PROVIDER_ID
    this.model = options.modelId
  }

  async *stream(request: CompletionRequest, options: StreamOptions): AsyncGenerator<string, void, undefined> {
    // A local chat model reads text only; images go to the captioning model, outside the router.
    if (request.image) throw cannotSeeImages('The local text model')
    const { messages, prefill } = splitContinuation(request.messages)
    const onUsage = options.onUsage
    yield* this.options.host.stream(
      { modelId: this.options.modelId, messages, prefill, maxTokens: request.maxTokens, temperature: request.temperature },
      { signal: options.signal, onStats: onUsage ? (stats) => onUsage({ inputTokens: stats.inputTokens, outputTokens: stats.outputTokens }) : undefined }
    )
  }

  /**
   * Starts the inference worker and loads the model now, so the first request does not spend
   * the router's first-token budget on it (a real model takes seconds to load). Failures are
   * left for a real request to report.
   */
  warmUp(): void {
    void (async () => {
      try {
        for await (const text of this.stream(WARM_UP, { signal: AbortSignal.timeout(WARM_UP_BUDGET_MS), connectTimeoutMs: 0 })) {
          if (text) break
        }
      } catch {
        // Reported by the request that needs the model.
      }
    })()
  }
}

/** The warm-up: one token, no user text. */
const WARM_UP: CompletionRequest = { messages: [{ role: 'user', content: 'Hello' }], maxTokens: 1 }
/** Loading a large model from a slow disk can take this long; the warm-up waits for it. */
const WARM_UP_BUDGET_MS = 5 * 60_000

/**
 * The conversation to template and the text the answer already starts with. A continuation is
 * recognised by its shape (see continuationRequest in router/continuation.ts): the partial answer
 * as an assistant message followed by CONTINUE_INSTRUCTION as the last user message.
 */
export function splitContinuation(messages: readonly ChatMessage[]): { messages: ChatMessage[]; prefill?: string } {
  const last = messages.at(-1)
  const partial = messages.at(-2)
  if (messages.length >= 3 && last?.role === 'user' && last.content === CONTINUE_INSTRUCTION && partial?.role === 'assistant') {
    return { messages: messages.slice(0, -2), prefill: partial.content }
  }
  return { messages: [...messages] }
}
