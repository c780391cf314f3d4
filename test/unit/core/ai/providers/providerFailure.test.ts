import {
  APIConnectionTimeoutError as AnthropicTimeoutError,
  APIError as AnthropicAPIError,
  APIUserAbortError as AnthropicAbortError
} from '@anthropic-ai/sdk'
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { errors as undiciErrors } from 'undici'
import { describe, expect, it } from 'vitest'
import { ProviderError } from '../../../../../src/core/ai/provider'
import { toProviderError, type FailureContext } from '../../../../../src/core/ai/providers/providerFailure'
import { parseRetryAfterMs } from '../../../../../src/core/ai/providers/retryAfter'

const API_KEY = 'sk-proj-Zx81Secret0123456789abcdef'
const context: FailureContext = { providerName: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: API_KEY }

/** What undici's fetch throws when a connection attempt fails with `code`. */
function fetchFailed(code: string, message = `connect ${code} 203.0.113.9:443`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })
}

function httpError(status: number, body: object = { error: { message: 'no' } }, headers: Record<string, string> = {}): Error {
  return APIError.generate(status, body, undefined, new Headers(headers))
}

describe('toProviderError', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])('maps %s to network', (code) => {
    const error = toProviderError(new APIConnectionError({ cause: fetchFailed(code) }), context)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error.kind).toBe('network')
    expect(error.message).toBe(`Could not reach OpenAI at https://api.openai.com/v1 (${code}).`)
  })

  it('maps a hang-up and a failed happy-eyeballs connect to network', () => {
    expect(toProviderError(new Error('socket hang up'), context).kind).toBe('network')
    const bothAddresses = new AggregateError([fetchFailed('ECONNREFUSED').cause, fetchFailed('ECONNREFUSED').cause])
    expect(toProviderError(new TypeError('fetch failed', { cause: bothAddresses }), context).kind).toBe('network')
  })

  it('maps a connection lost while the answer streams to cut, not to an outage', () => {
    const terminated = new TypeError('terminated', { cause: new undiciErrors.SocketError('other side closed') })
    expect(toProviderError(terminated, { ...context, streaming: true }).kind).toBe('cut')
    expect(toProviderError(terminated, context).kind).toBe('network')
  })

  it('maps connect timeouts to timeout, with or without the cause the SDK kept', () => {
    const connectTimeout = new TypeError('fetch failed', { cause: new undiciErrors.ConnectTimeoutError() })
    const openai = toProviderError(Object.assign(new APIConnectionTimeoutError(), { cause: connectTimeout }), context)
    expect(openai.kind).toBe('timeout')
    expect(openai.message).toBe('OpenAI at https://api.openai.com/v1 did not accept a connection in time.')
    expect(toProviderError(new AnthropicTimeoutError(), context).kind).toBe('timeout')
  })

  it.each([500, 502, 503, 529, 408])('maps HTTP %i to server and keeps the status', (status) => {
    const error = toProviderError(httpError(status), context)
    expect(error.kind).toBe('server')
    expect(error.details.status).toBe(status)
  })

  it('maps 429 to rate-limited with the wait the server asked for', () => {
    const seconds = toProviderError(httpError(429, {}, { 'retry-after': '7' }), context)
    expect(seconds).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 7000 } })
    expect(seconds.message).toContain('wait 7 s')
    expect(toProviderError(httpError(429, {}, { 'retry-after-ms': '1500', 'retry-after': '9' }), context).details.retryAfterMs).toBe(1500)
    expect(toProviderError(httpError(429), context).details.retryAfterMs).toBeUndefined()
  })

  it('maps 401, 403 and 404 to config with what to fix', () => {
    expect(toProviderError(httpError(401), context)).toMatchObject({
      kind: 'config',
      message: 'The API key for OpenAI was refused. Check it in Settings → AI providers.'
    })
    expect(toProviderError(httpError(403), context).kind).toBe('config')
    const notFound = toProviderError(httpError(404), context)
    expect(notFound.kind).toBe('config')
    expect(notFound.message).toMatch(/^The model "gpt-4o-mini" was not found at https:\/\/api\.openai\.com\/v1\./)
  })

  it('maps other 4xx to rejected with the server\'s reason', () => {
    const error = toProviderError(httpError(400, { error: { message: 'maximum context length is 8192 tokens' } }), context)
    expect(error).toMatchObject({ kind: 'rejected', details: { status: 400 } })
    expect(error.message).toBe('OpenAI refused the request (HTTP 400): maximum context length is 8192 tokens')
    expect(toProviderError(httpError(422), context).kind).toBe('rejected')
  })

  it('maps an error event inside a streaming answer by its type', () => {
    const overloaded = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }
    expect(toProviderError(new AnthropicAPIError(undefined, overloaded, undefined, new Headers(), 'overloaded_error'), context).kind).toBe('server')
    const rateLimited = { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }
    expect(toProviderError(new AnthropicAPIError(undefined, rateLimited, undefined, new Headers(), 'rate_limit_error'), context).kind).toBe('rate-limited')
    expect(toProviderError(new APIError(undefined, { message: 'boom', type: 'server_error' }, undefined, new Headers()), context).kind).toBe('server')
  })

  it('maps unparsable stream JSON to malformed', () => {
    expect(toProviderError(new SyntaxError('Error reading response: malformed server-sent event JSON.'), context).kind).toBe('malformed')
  })

  it('maps the SDKs\' abort errors and a plain AbortError to aborted', () => {
    expect(toProviderError(new APIUserAbortError(), context).kind).toBe('aborted')
    expect(toProviderError(new AnthropicAbortError(), context).kind).toBe('aborted')
    expect(toProviderError(new DOMException('This operation was aborted', 'AbortError'), context).kind).toBe('aborted')
  })

  it('maps a proxy that wants a login or blocks the host to config, and one that cannot connect to network', () => {
    // undici makes a refused CONNECT an error named AbortError.
    const refused = (status: number) => new TypeError('fetch failed', { cause: new undiciErrors.RequestAbortedError(`Proxy response (${status}) !== 200 when HTTP Tunneling`) })
    expect(toProviderError(refused(407), context).kind).toBe('config')
    expect(toProviderError(refused(403), context).kind).toBe('config')
    expect(toProviderError(refused(502), context).kind).toBe('network')
  })

  it('maps an untrusted certificate (a TLS-inspecting proxy) and a bad address to config', () => {
    expect(toProviderError(fetchFailed('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), context).kind).toBe('config')
    expect(toProviderError(Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }), context).kind).toBe('config')
  })

  it('passes a ProviderError through unchanged', () => {
    const original = new ProviderError('cut', 'cut short')
    expect(toProviderError(original, context)).toBe(original)
  })

  it('never puts the API key or a key-like string in a message or cause', () => {
    const leakyContext = { ...context, baseUrl: `https://user:${API_KEY}@gateway.example/v1?key=${API_KEY}` }
    const failures = [
      httpError(400, { error: { message: `Invalid key ${API_KEY}` } }),
      httpError(400, { error: { message: 'Incorrect API key provided: sk-proj-****************************cdef' } }),
      httpError(401, { error: { message: `bad key ${API_KEY}` } }),
      httpError(404),
      new APIConnectionError({ cause: fetchFailed('ECONNREFUSED', `connect failed, Authorization: Bearer ${API_KEY}`) }),
      new Error(`unexpected ${API_KEY}`)
    ]
    for (const failure of failures) {
      const error = toProviderError(failure, leakyContext)
      const texts = [error.message, String(error.details.cause), (error.details.cause as Error).message]
      for (const text of texts) {
        expect(text).not.toContain(API_KEY)
        expect(text).not.toMatch(/sk-proj-/)
      }
    }
  })
})

describe('parseRetryAfterMs', () => {
  const headers = (values: Record<string, string>) => new Headers(values)
  const now = Date.parse('2026-03-01T12:00:00Z')

  it('reads retry-after-ms, then retry-after as seconds or as an HTTP date', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '250.4' }), now)).toBe(250)
    expect(parseRetryAfterMs(headers({ 'retry-after': '1.5' }), now)).toBe(1500)
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }), now)).toBe(30_000)
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Sun, 01 Mar 2026 11:00:00 GMT' }), now)).toBe(0)
  })

  it('ignores missing and unreadable values', () => {
    expect(parseRetryAfterMs(headers({}), now)).toBeUndefined()
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon', 'retry-after-ms': 'x' }), now)).toBeUndefined()
  })
})
