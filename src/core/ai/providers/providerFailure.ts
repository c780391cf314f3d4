import {
  APIConnectionError as AnthropicConnectionError,
  APIConnectionTimeoutError as AnthropicTimeoutError,
  APIUserAbortError as AnthropicAbortError
} from '@anthropic-ai/sdk'
import {
  APIConnectionError as OpenAIConnectionError,
  APIConnectionTimeoutError as OpenAITimeoutError,
  APIUserAbortError as OpenAIAbortError
} from 'openai'
import type { ProviderFailureKind } from '../../../shared/ai/failures'
import { isProviderError, ProviderError } from '../provider'
import { parseRetryAfterMs, type HeaderReader } from './retryAfter'
import { redactSecrets } from './redactSecrets'

/** Who failed, for messages that tell the user what to fix. */
export interface FailureContext {
  /** The provider as the user knows it ("OpenAI", "office-vllm"). */
  providerName: string
  baseUrl: string
  model: string
  /** Kept out of every message. */
  apiKey?: string
  /** The answer had started streaming: a lost connection now means a cut answer, not an outage. */
  streaming?: boolean
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET'
])
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'])
// A TLS-inspecting proxy whose certificate is not trusted yet: a setting to fix, not an outage.
const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])
// undici's texts for a proxy that answered CONNECT, or a forwarded request, with an error.
const PROXY_REFUSAL = /^Proxy (?:response|Authentication Required) \((\d{3})\)/
const SETTINGS_HINT = 'Check it in Settings → AI providers.'

type Failure = { kind: ProviderFailureKind; message: string; status?: number; retryAfterMs?: number }
type Link = object & { code?: unknown; status?: unknown; headers?: unknown; type?: unknown; message?: unknown }

/** Maps anything the SDKs, undici or fetch throw to the one ProviderError the router understands. */
export function toProviderError(error: unknown, context: FailureContext): ProviderError {
  if (isProviderError(error)) return error
  const chain = errorChain(error)
  const failure = classify(chain, context)
  return new ProviderError(failure.kind, redactSecrets(failure.message, context.apiKey), {
    ...(failure.status === undefined ? {} : { status: failure.status }),
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    cause: new Error(redactSecrets(describeChain(chain), context.apiKey))
  })
}

/** The stream ended without its final event (OpenAI: no finish_reason; Anthropic: no message_stop). */
export function cutError(context: FailureContext): ProviderError {
  return new ProviderError('cut', cutMessage(context))
}

export function abortedError(context: FailureContext): ProviderError {
  return new ProviderError('aborted', abortedMessage(context))
}

function classify(chain: Link[], context: FailureContext): Failure {
  const { providerName } = context
  if (chain.some((link) => link instanceof OpenAIAbortError || link instanceof AnthropicAbortError)) {
    return { kind: 'aborted', message: abortedMessage(context) }
  }
  const http = chain.find((link) => typeof link.status === 'number' && isHeaderReader(link.headers))
  if (http) return fromStatus(http.status as number, http.headers as HeaderReader, messageOf(http), context)

  const proxyStatus = chain.map((link) => PROXY_REFUSAL.exec(messageOf(link))?.[1]).find((status) => status !== undefined)
  if (proxyStatus !== undefined) return fromProxyStatus(Number(proxyStatus), context)

  const codes = chain.map((link) => link.code).filter((code) => typeof code === 'string')
  const sdkTimeout = chain.some((link) => link instanceof OpenAITimeoutError || link instanceof AnthropicTimeoutError)
  if (sdkTimeout || codes.some((code) => TIMEOUT_CODES.has(code))) {
    return codes.includes('UND_ERR_CONNECT_TIMEOUT')
      ? { kind: 'timeout', message: `${providerName} at ${displayUrl(context.baseUrl)} did not accept a connection in time.` }
      : { kind: 'timeout', message: `${providerName} did not answer in time.` }
  }
  if (chain.some((link) => link instanceof Error && link.name === 'AbortError')) return { kind: 'aborted', message: abortedMessage(context) }
  if (chain.some((link) => link instanceof SyntaxError)) {
    return { kind: 'malformed', message: `${providerName} sent an answer stream that could not be read.` }
  }
  const streamEvent = chain.find((link) => typeof link.type === 'string' && link.status === undefined)
  if (streamEvent) return fromStreamErrorEvent(streamEvent.type as string, messageOf(streamEvent), context)

  if (codes.includes('ERR_INVALID_URL')) {
    return { kind: 'config', message: `The address of ${providerName} is not a valid URL. ${SETTINGS_HINT}` }
  }
  const untrusted = codes.find((code) => UNTRUSTED_CERTIFICATE_CODES.has(code))
  if (untrusted) {
    return {
      kind: 'config',
      message: `The certificate of ${displayUrl(context.baseUrl)} is not trusted (${untrusted}). If your network inspects encrypted traffic, add its certificate in Settings → AI providers.`
    }
  }
  const networkCode = codes.find((code) => NETWORK_CODES.has(code))
  const hungUp = chain.some((link) => /socket hang up|terminated|other side closed/i.test(messageOf(link)))
  const connectionFailed = chain.some((link) => link instanceof OpenAIConnectionError || link instanceof AnthropicConnectionError)
  if (networkCode !== undefined || hungUp || connectionFailed) {
    if (context.streaming) return { kind: 'cut', message: cutMessage(context) }
    const reason = networkCode === undefined ? '' : ` (${networkCode})`
    return { kind: 'network', message: `Could not reach ${providerName} at ${displayUrl(context.baseUrl)}${reason}.` }
  }
  return { kind: 'server', message: `${providerName} failed unexpectedly: ${messageOf(chain[0])}` }
}

function fromStatus(status: number, headers: HeaderReader, serverMessage: string, context: FailureContext): Failure {
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(headers)
    return { ...rateLimited(context, retryAfterMs), status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
  }
  if (status === 401) return { kind: 'config', status, message: keyRefusedMessage(context) }
  if (status === 403) {
    return { kind: 'config', status, message: `The API key for ${context.providerName} is not allowed to use the model "${context.model}". ${SETTINGS_HINT}` }
  }
  if (status === 404) return { kind: 'config', status, message: modelNotFoundMessage(context) }
  if (status === 408 || status >= 500) {
    return { kind: 'server', status, message: `${context.providerName} answered with a server error (HTTP ${status}).` }
  }
  return { kind: 'rejected', status, message: rejectedMessage(context, `HTTP ${status}`, serverMessage.replace(/^\d{3} /, '')) }
}

// undici names a refused CONNECT an AbortError, so this must be decided before aborts are.
function fromProxyStatus(status: number, context: FailureContext): Failure {
  if (status === 407) return { kind: 'config', message: `The proxy asks for a login before it forwards requests to ${context.providerName} (HTTP 407).` }
  if (status === 403) return { kind: 'config', message: `The proxy does not allow requests to ${context.providerName} (HTTP 403).` }
  return { kind: 'network', message: `The proxy could not reach ${context.providerName} at ${displayUrl(context.baseUrl)} (HTTP ${status}).` }
}

// An error event inside a stream that had already been answered with 200, e.g. Anthropic's
// "overloaded_error". It has a type, not a status.
function fromStreamErrorEvent(type: string, serverMessage: string, context: FailureContext): Failure {
  if (type.includes('rate_limit')) return rateLimited(context, undefined)
  if (type.includes('authentication') || type.includes('permission')) return { kind: 'config', message: keyRefusedMessage(context) }
  if (type.includes('not_found')) return { kind: 'config', message: modelNotFoundMessage(context) }
  if (type.includes('invalid_request')) return { kind: 'rejected', message: rejectedMessage(context, type, serverMessage) }
  return { kind: 'server', message: `${context.providerName} reported an error in the middle of the answer (${type}).` }
}

function rateLimited(context: FailureContext, retryAfterMs: number | undefined): Failure {
  const wait = retryAfterMs === undefined ? '' : ` It asks to wait ${Math.ceil(retryAfterMs / 1000)} s.`
  return { kind: 'rate-limited', message: `${context.providerName} is limiting how many requests it accepts.${wait}` }
}

function keyRefusedMessage(context: FailureContext): string {
  return `The API key for ${context.providerName} was refused. ${SETTINGS_HINT}`
}

function modelNotFoundMessage(context: FailureContext): string {
  return `The model "${context.model}" was not found at ${displayUrl(context.baseUrl)}. Check the model name and address in Settings → AI providers.`
}

function rejectedMessage(context: FailureContext, reason: string, serverMessage: string): string {
  return `${context.providerName} refused the request (${reason}): ${serverMessage.slice(0, 300)}`
}

function cutMessage(context: FailureContext): string {
  return `The answer from ${context.providerName} stopped before it was finished.`
}

function abortedMessage(context: FailureContext): string {
  return `The request to ${context.providerName} was cancelled.`
}

// The SDKs wrap errors (APIConnectionError → TypeError "fetch failed" → undici's error), and
// Node reports a failed happy-eyeballs connect as an AggregateError of per-address errors.
function errorChain(error: unknown): Link[] {
  const chain: Link[] = []
  const pending: unknown[] = [error]
  while (pending.length > 0 && chain.length < 20) {
    const next = pending.shift()
    if (typeof next !== 'object' || next === null || chain.includes(next)) continue
    chain.push(next)
    if ('cause' in next) pending.push(next.cause)
    if (next instanceof AggregateError) pending.push(...(next.errors as unknown[]))
  }
  return chain
}

function describeChain(chain: Link[]): string {
  return chain
    .map((link) => {
      const code = typeof link.code === 'string' ? ` ${link.code}` : ''
      return `${link.constructor.name}${code}: ${messageOf(link)}`
    })
    .join(' ← ')
}

function messageOf(link: Link | undefined): string {
  return typeof link?.message === 'string' ? link.message : ''
}

function isHeaderReader(value: unknown): value is HeaderReader {
  return typeof value === 'object' && value !== null && 'get' in value && typeof value.get === 'function'
}

/** The base URL without credentials or query, which may hold secrets. */
function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl)
    return `${url.origin}${url.pathname.replace(/\/$/, '')}`
  } catch {
    return 'its configured address'
  }
}
