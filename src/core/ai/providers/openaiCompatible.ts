import OpenAI from 'openai'
import type { ChatCompletionContentPart, ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import { createFetch } from '../http/transport'
import { cannotSeeImages, type CompletionRequest, type Provider, type StreamOptions } from '../provider'
import { failureContext, SDK_TIMEOUT_MS, type CloudProviderConfig } from './cloudProviderConfig'
import { base64Of, withImage } from './imageParts'
import { abortedError, cutError, toProviderError } from './providerFailure'

/**
 * Any server speaking OpenAI's Chat Completions API: OpenAI, OpenRouter, Groq, Mistral, Ollama,
 * LM Studio, llama.cpp's server and vLLM. Local servers may have no API key.
 */
export class OpenAICompatibleProvider implements Provider {
  readonly kind = 'openai-compatible'
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
    let chunks
    try {
      chunks = await this.client(options.connectTimeoutMs).chat.completions.create(this.body(request), { signal })
    } catch (error) {
      throw fail(error, false)
    }
    let finished = false
    let usage: { inputTokens: number; outputTokens: number } | undefined
    try {
      for await (const chunk of chunks) {
        // With include_usage the last chunk carries the usage and no choices.
        if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
        const choice = chunk.choices[0]
        if (choice?.finish_reason) finished = true
        if (choice?.delta.content) yield choice.delta.content
      }
    } catch (error) {
      throw fail(error, true)
    }
    // The SDK ends the iteration quietly, without an error, both when the signal aborts and when
    // the body ends without [DONE]; only the missing finish_reason tells a cut answer apart.
    if (signal.aborted) throw abortedError(context)
    if (!finished) throw cutError(context)
    if (usage) options.onUsage?.(usage)
  }

  private client(connectTimeoutMs: number): OpenAI {
    const { apiKey, baseUrl, network } = this.config
    return new OpenAI({
      baseURL: baseUrl,
      // The SDK insists on a key; without one, its Authorization header is dropped instead.
      ...(apiKey ? { apiKey } : { apiKey: 'none', defaultHeaders: { Authorization: null } }),
      // Not read from OPENAI_* environment variables, which belong to other tools.
      adminAPIKey: null,
      organization: null,
      project: null,
      fetch: createFetch(network, connectTimeoutMs),
      maxRetries: 0,
      timeout: SDK_TIMEOUT_MS,
      logLevel: 'off'
    })
  }

  private body(request: CompletionRequest): ChatCompletionCreateParamsStreaming {
    return {
      model: this.model,
      messages: messagesOf(request),
      stream: true,
      stream_options: { include_usage: true },
      // OpenAI's reasoning models refuse max_tokens; most other servers only know max_tokens.
      ...(new URL(this.config.baseUrl).hostname === 'api.openai.com'
        ? { max_completion_tokens: request.maxTokens }
        : // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated by OpenAI only, see above.
          { max_tokens: request.maxTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.json ? { response_format: { type: 'json_object' } } : {})
    }
  }
}

/** The conversation; an image goes with the last user message as an image_url part holding a data: URL. */
function messagesOf({ messages, image }: CompletionRequest): ChatCompletionMessageParam[] {
  if (!image) return messages
  return withImage(messages, image, (text, { mime }): ChatCompletionContentPart[] => [
    ...(text === undefined ? [] : [{ type: 'text' as const, text }]),
    { type: 'image_url', image_url: { url: `data:${mime};base64,${base64Of(image)}` } }
  ])
}
