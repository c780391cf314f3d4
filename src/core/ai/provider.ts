import type { AssistantRequest } from '../../shared/ai/actions'
import type { DesignRequest } from '../../shared/ai/designRequests'
import type { ProviderFailureKind } from '../../shared/ai/failures'
import type { ImageType } from '../../shared/blobs/images'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** An image sent along with the last user message; the core reads it from the blob store, never from the renderer. */
export interface CompletionImage {
  /** Sniffed from the bytes, not taken from a file name. */
  mime: ImageType
  bytes: Uint8Array
}

/** A model-neutral completion request; the router builds it, a provider turns it into its wire format. */
export interface CompletionRequest {
  messages: ChatMessage[]
  maxTokens: number
  temperature?: number
  /** The answer must be one JSON value; such answers are restarted, never continued. */
  json?: boolean
  /** The structured request behind the prompt, for providers that do not read prompts (rule-based help). */
  assist?: AssistantRequest
  /** The same for design help. */
  design?: DesignRequest
  /**
   * One image that goes with the last user message. Only providers set up as vision models send
   * it; every other provider refuses the request at once with cannotSeeImages().
   */
  image?: CompletionImage
  /**
   * Checks a complete answer; returns why it cannot be used ("it held no palette"), or undefined.
   * The router treats an unusable answer as an 'unsupported' failure of that provider (not an
   * outage) and restarts on the next one. Checked answers are never continued mid-stream.
   */
  check?: (answer: string) => string | undefined
}

/**
 * How a continuation is asked for after a provider died mid-answer: the original messages, then
 * the partial answer as an assistant message, then this instruction as a user message.
 */
export const CONTINUE_INSTRUCTION =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating any of it and without any preamble.'

export interface StreamOptions {
  signal: AbortSignal
  /** Milliseconds allowed to open the connection (TCP + TLS), set by the router. */
  connectTimeoutMs: number
  /** Called once after a complete answer with the tokens the provider counted, if it reports them. */
  onUsage?: (usage: { inputTokens: number; outputTokens: number }) => void
}

export type ProviderKind = 'openai-compatible' | 'anthropic' | 'local' | 'rules'

/** A source of completions: a cloud API, a local model or the rule-based helper. */
export interface Provider {
  /** Stable id from the configuration, e.g. "openai" or "office-vllm". */
  readonly id: string
  readonly kind: ProviderKind
  /** The model that answers, as shown to the user ("gpt-4o-mini"). */
  readonly model: string
  /**
   * Streams the answer as text deltas. Throws (or the iterator throws) a ProviderError; stops
   * promptly with kind 'aborted' when the signal aborts. First-token, stall and total timeouts
   * are the router's job, not the provider's.
   */
  stream(request: CompletionRequest, options: StreamOptions): AsyncIterable<string>
  /** Optional: get ready for the first request (start a worker, load a model) in the background. */
  warmUp?(): void
}

/** The one error type providers throw. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError'

  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly details: {
      status?: number
      retryAfterMs?: number
      cause?: unknown
      /** Refused before anything was sent: the router counts no usage and notes nothing about the provider's health. */
      unsent?: boolean
    } = {}
  ) {
    super(message, { cause: details.cause })
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError
}

/** The refusal of a provider that cannot see images (not a vision model, or no model that reads images at all). */
export function cannotSeeImages(providerName: string): ProviderError {
  return new ProviderError('unsupported', `${providerName} cannot see images.`, { unsent: true })
}
