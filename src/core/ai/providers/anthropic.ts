import Anthropic from '@anthropic-ai/sdk'
import type { ContentBlockParam, MessageCreateParamsStreaming, MessageParam } from '@anthropic-ai/sdk/resources/messages'
import { createFetch } from '../http/transport'
import { cannotSeeImages, ProviderError, type CompletionRequest, type Provider, type StreamOptions } from '../provider'
import { failureContext, SDK_TIMEOUT_MS, type CloudProviderConfig } from './cloudProviderConfig'
import { base64Of, withImage } from './imageParts'
import { abortedError, cutError, toProviderError } from './providerFailure'

/** Claude through Anthropic's Messages API, or a gateway that speaks it (base URL configurable). */
export class AnthropicProvider implements Provider {
  readonly kind = 'anthropic'
  readonly id: string
  readonly model: string

  constructor(private readonly config: CloudProviderConfig) {
    this.id = config.id
    this.model = config.model
  }

  async *stream(request: CompletionRequest, options: StreamOptions): AsyncGenerator<string> {
    const { signal } = options
    const context = failureContext(this.config)
    const fail = (error: unknown, streaming: boolean) => (signal.aborted ? abortedError(context) : toProviderError(error, { ...context, streaming }))
    if (request.image && this.config.vision !== true) throw cannotSeeImages(context.providerName)
    let events
    try {
      events = await this.client(options.connectTimeoutMs).messages.create(this.body(request), { signal })
    } catch (error) {
      throw fail(error, false)
    }
    let finished = false
    let inputTokens: number | undefined
    let outputTokens = 0
    try {
      for await (const event of events) {
        if (event.type === 'message_start') {
          const { usage } = event.message
          inputTokens = usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0)
          outputTokens = usage.output_tokens
        } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          yield event.delta.text
        } else if (event.type === 'message_delta') {
          // A running total, not an increment.
          outputTokens = event.usage.output_tokens
        } else if (event.type === 'message_stop') {
          finished = true
        }
      }
    } catch (error) {
      throw fail(error, true)
    }
    // The SDK ends the iteration quietly when the signal aborts or the body ends early.
    if (signal.aborted) throw abortedError(context)
    if (!finished) throw cutError(context)
    if (inputTokens !== undefined) options.onUsage?.({ inputTokens, outputTokens })
  }

  private client(connectTimeoutMs: number): Anthropic {
    const { apiKey, baseUrl, network } = this.config
    if (!apiKey) throw new ProviderError('config', `No API key is set for ${failureContext(this.config).providerName}. Add it in Settings → AI providers.`)
    // Passing the key keeps the SDK from looking for ANTHROPIC_* variables and profile files.
    return new Anthropic({
      apiKey,
      baseURL: baseUrl,
      fetch: createFetch(network, connectTimeoutMs),
      maxRetries: 0,
      timeout: SDK_TIMEOUT_MS,
      logLevel: 'off',
      openTelemetry: false
    })
  }

  private body(request: CompletionRequest): MessageCreateParamsStreaming {
    const system = request.messages.filter((message) => message.role === 'system').map((message) => message.content)
    return {
      model: this.model,
      max_tokens: request.maxTokens,
      stream: true,
      messages: messagesOf(request),
      ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature })
    }
  }
}

/** The conversation without its system messages; an image goes with the last user message, as a base64 image block before its text. */
function messagesOf({ messages, image }: CompletionRequest): MessageParam[] {
  const turns = messages.flatMap((message) => (message.role === 'system' ? [] : [{ role: message.role, content: message.content }]))
  if (!image) return turns
  return withImage(turns, image, (text, { mime }): ContentBlockParam[] => [
    { type: 'image', source: { type: 'base64', media_type: mime, data: base64Of(image) } },
    ...(text === undefined ? [] : [{ type: 'text' as const, text }])
  ])
}
