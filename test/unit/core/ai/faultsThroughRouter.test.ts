import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { once } from 'node:events'
import type { Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { closeTransports } from '../../../../src/core/ai/http/transport'
import { CONTINUE_INSTRUCTION, type CompletionRequest, type Provider } from '../../../../src/core/ai/provider'
import { AnthropicProvider } from '../../../../src/core/ai/providers/anthropic'
import { OpenAICompatibleProvider } from '../../../../src/core/ai/providers/openaiCompatible'
import { estimatedTokens } from '../../../../src/core/ai/router/continuation'
import type { RouterEvent } from '../../../../src/core/ai/router/events'
import { NoProviderAnsweredError } from '../../../../src/core/ai/router/noAnswer'
import { AiRouter } from '../../../../src/core/ai/router/router'
import { RulesProvider } from '../../../../src/core/ai/rules/rulesProvider'
import type { AssistantAction } from '../../../../src/shared/ai/actions'
import type { ProviderFailureKind } from '../../../../src/shared/ai/failures'
import { RULES_PROVIDER_ID } from '../../../../src/shared/ai/providerConfig'
import { DEFAULT_ROUTER_POLICY, RouterPolicySchema, type RouterPolicy } from '../../../../src/shared/ai/routerPolicy'
import { DEFAULT_ANSWER, splitTokens, startFakeCloud, UNRESOLVABLE_BASE_URL, type FakeCloud } from '../../../fixtures/fakeCloud'
import { answerText, route } from '../../../support/ai/scriptedProvider'

/*
 * Every fault the fake cloud can play, on the primary of a real chain:
 *   primary (OpenAICompatibleProvider → fake cloud A) → backup (AnthropicProvider → fake cloud B) → rule-based help,
 * through the real SDKs, the real transport and the real AiRouter, checking what the writer sees
 * (the final text, the switch and its reason, how long it took) and what the policy promises
 * (retries, breaker, rate limits, continuation).
 */

/*
 * DEFAULT_ROUTER_POLICY with only the four timeouts scaled down (defaults 3 s / 6 s / 10 s / 120 s).
 * The router's decisions depend on the failure kind, the retry and breaker counts, the quick-retry
 * window and the continuation threshold, all kept at their defaults; the timeouts only say how long
 * it waits before calling silence a 'timeout'. The scaled values keep the defaults' order
 * (connect < first token < stall < total) and stay far above what the loopback fakes need (a few
 * ms), so every fault here is classified exactly as with the defaults; only the waiting shrinks.
 * quickRetry.withinMs stays 1 s: the fakes' errors come within milliseconds, as a quick 5xx does.
 */
const TIMEOUTS: RouterPolicy['timeouts'] = { connectMs: 300, firstTokenMs: 400, stallMs: 500, totalMs: 5000 }
const POLICY = RouterPolicySchema.parse({ ...DEFAULT_ROUTER_POLICY, timeouts: TIMEOUTS })

/** Slack for a noisy 2-core machine: bounds say "about this long", not "to the millisecond". */
const MARGIN_MS = 1500

/** About 150 of the fake's tokens (a word and its space each), the same text from both clouds. */
const TOKENS = splitTokens(DEFAULT_ANSWER).slice(0, 150)
const ANSWER = TOKENS.join('').trimEnd()

/**
 * The policy measures a partial answer in estimated tokens (characters / 4), whatever the
 * provider's deltas; CONTINUE_AT is the fewest of the fake's tokens that reach minPartialTokens.
 */
const partialOf = (tokens: number): string => TOKENS.slice(0, tokens).join('')
const CONTINUE_AT = TOKENS.findIndex((_, index) => estimatedTokens(partialOf(index).length) >= POLICY.continuation.minPartialTokens)

const KEY_A = 'sk-test-primary-0123456789abcdef'
const KEY_B = 'sk-ant-test-backup-0123456789abcdef'
const LABELS: Record<string, string> = { primary: 'Primary Cloud', backup: 'Backup Cloud', [RULES_PROVIDER_ID]: 'Rule-based help' }
const MODELS = { primary: 'gpt-fake', backup: 'claude-fake', rules: 'rule-based' } as const
type ChainId = keyof typeof MODELS

const SYSTEM = 'You are a careful copy editor.'
const PROMPT = 'Rewrite this paragraph so it reads well aloud.'
const REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: PROMPT }
  ],
  maxTokens: 1000,
  assist: { action: 'rewrite', text: 'The paragraph to rewrite, as the writer selected it.' }
}

let cloudA: FakeCloud
let cloudB: FakeCloud
let router: AiRouter | undefined
/** Added to Date.now() for the router, so a Retry-After can pass without waiting for it. */
let clockSkewMs = 0
/** The server side of every connection that carried a request to fake cloud A in this test. */
let primarySockets: Socket[] = []

const onServerRequest = (message: unknown): void => {
  const { socket } = message as { socket: Socket }
  if (socket.localPort === cloudA.port && !primarySockets.includes(socket)) primarySockets.push(socket)
}

beforeAll(async () => {
  ;[cloudA, cloudB] = await Promise.all([startFakeCloud({ answer: ANSWER, apiKey: KEY_A }), startFakeCloud({ answer: ANSWER, apiKey: KEY_B })])
  subscribe('http.server.request.start', onServerRequest)
})

beforeEach(() => {
  clockSkewMs = 0
  primarySockets = []
})

afterEach(async () => {
  router?.close()
  router = undefined
  await Promise.all([cloudA.setFault({ type: 'none' }), cloudB.setFault({ type: 'none' })])
  cloudA.setTokenInterval(0)
  // Fresh pools, so each test's `connections` counts only its own connections.
  await closeTransports()
  cloudA.resetCounters()
  cloudB.resetCounters()
})

afterAll(async () => {
  unsubscribe('http.server.request.start', onServerRequest)
  await closeTransports()
  await Promise.all([cloudA.close(), cloudB.close()])
})

function primary(baseUrl = cloudA.openaiBaseUrl): Provider {
  return new OpenAICompatibleProvider({ id: 'primary', label: LABELS.primary, baseUrl, apiKey: KEY_A, model: MODELS.primary })
}

function backup(): Provider {
  return new AnthropicProvider({ id: 'backup', label: LABELS.backup, baseUrl: cloudB.anthropicBaseUrl, apiKey: KEY_B, model: MODELS.backup })
}

/** The router under test; the policy's empty default chain means the providers in this order. */
function newRouter(providers: Provider[] = [primary(), backup(), new RulesProvider()]): AiRouter {
  router = new AiRouter({
    providers: () => providers,
    policy: () => POLICY,
    clock: { now: () => Date.now() + clockSkewMs },
    label: (providerId) => LABELS[providerId] ?? providerId
  })
  return router
}

interface Outcome {
  events: RouterEvent[]
  /** The answer as the writer sees it: the token texts since the last restart. */
  text: string
  error: unknown
  elapsedMs: number
}

async function ask(
  on: AiRouter,
  options: { task?: AssistantAction; request?: CompletionRequest; signal?: AbortSignal; onEvent?: (event: RouterEvent, events: RouterEvent[]) => void } = {}
): Promise<Outcome> {
  const events: RouterEvent[] = []
  const started = performance.now()
  let error: unknown
  try {
    for await (const event of on.run(options.task ?? 'rewrite', options.request ?? REQUEST, { signal: options.signal ?? new AbortController().signal })) {
      events.push(event)
      options.onEvent?.(event, events)
    }
  } catch (thrown) {
    error = thrown
  }
  return { events, text: answerText(events), error, elapsedMs: performance.now() - started }
}

function attempt(providerId: ChainId): RouterEvent {
  return { type: 'attempt', providerId, model: MODELS[providerId] }
}

function done(providerId: ChainId): RouterEvent {
  return { type: 'done', providerId, model: MODELS[providerId] }
}

/** The switch from the primary to the backup; `message` may be an asymmetric matcher. */
function toBackup(reason: ProviderFailureKind, message: unknown, mode: 'continue' | 'restart' = 'restart'): RouterEvent {
  return { type: 'switch', from: 'primary', to: 'backup', reason, message, mode } as RouterEvent
}

/** The text one provider streamed in a run. */
function streamedBy(providerId: ChainId, events: readonly RouterEvent[]): string {
  return events.map((event) => (event.type === 'token' && event.providerId === providerId ? event.text : '')).join('')
}

function primaryState(on: AiRouter) {
  return on.health().find((health) => health.providerId === 'primary')
}

/** Resolves with how long it took until every connection that carried a request to fake cloud A was closed. */
async function primaryConnectionsClosed(sockets: readonly Socket[]): Promise<number> {
  const started = performance.now()
  const closing = sockets.filter((socket) => !socket.closed).map((socket) => once(socket, 'close'))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('A connection to the primary is still open.')), MARGIN_MS)))
  try {
    await Promise.race([Promise.all(closing), timeout])
  } finally {
    clearTimeout(timer)
  }
  return performance.now() - started
}

describe('cloud faults through the router, with the real providers', () => {
  it('answers from the primary alone when nothing is wrong', async () => {
    const outcome = await ask(newRouter())
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(ANSWER)
    expect(route(outcome.events)).toEqual([attempt('primary'), done('primary')])
    expect(cloudB.requests).toHaveLength(0)
  })

  describe('network-level errors: move on at once and open the breaker', () => {
    it('connection refused: the backup answers, and the next request does not even connect to the primary', async () => {
      const on = newRouter()
      await cloudA.setFault({ type: 'refuse' })
      const first = await ask(on)
      expect(first.error).toBeUndefined()
      expect(first.text).toBe(ANSWER)
      expect(route(first.events)).toEqual([
        attempt('primary'),
        toBackup('network', `Could not reach Primary Cloud at ${cloudA.openaiBaseUrl} (ECONNREFUSED).`),
        attempt('backup'),
        done('backup')
      ])
      expect(first.elapsedMs).toBeLessThan(TIMEOUTS.connectMs + MARGIN_MS)
      expect(primaryState(on)).toMatchObject({ state: 'down', lastFailure: { kind: 'network' } })

      // The primary listens again, but its breaker is open until a background probe says otherwise.
      await cloudA.setFault({ type: 'none' })
      cloudA.resetCounters()
      const second = await ask(on)
      expect(second.text).toBe(ANSWER)
      expect(route(second.events)).toEqual([{ type: 'skip', providerId: 'primary', reason: 'breaker-open' }, attempt('backup'), done('backup')])
      expect(cloudA.connections).toBe(0)
      expect(cloudA.requests).toHaveLength(0)
    })

    it('unresolvable host: the backup answers, and the next request skips the primary', async () => {
      const on = newRouter([primary(`${UNRESOLVABLE_BASE_URL}/v1`), backup(), new RulesProvider()])
      const first = await ask(on)
      expect(first.error).toBeUndefined()
      expect(first.text).toBe(ANSWER)
      expect(route(first.events)).toEqual([
        attempt('primary'),
        // EAI_AGAIN where no DNS server answers (the loopback-only namespace the unit tests run in).
        toBackup('network', expect.toBeOneOf(['ENOTFOUND', 'EAI_AGAIN'].map((code) => `Could not reach Primary Cloud at ${UNRESOLVABLE_BASE_URL}/v1 (${code}).`))),
        attempt('backup'),
        done('backup')
      ])
      expect(first.elapsedMs).toBeLessThan(TIMEOUTS.connectMs + MARGIN_MS)
      expect(primaryState(on)?.state).toBe('down')

      const second = await ask(on)
      expect(second.text).toBe(ANSWER)
      expect(route(second.events)).toEqual([{ type: 'skip', providerId: 'primary', reason: 'breaker-open' }, attempt('backup'), done('backup')])
    })
  })

  describe('silence: the router gives up at its deadline and closes the connection', () => {
    it('hang before the headers: the backup answers right after the first-token deadline', async () => {
      const on = newRouter()
      await cloudA.setFault({ type: 'hang-before-headers' })
      const outcome = await ask(on)
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([attempt('primary'), toBackup('timeout', 'No first token within 0.4 s.'), attempt('backup'), done('backup')])
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(TIMEOUTS.firstTokenMs - 5)
      expect(outcome.elapsedMs).toBeLessThan(TIMEOUTS.firstTokenMs + MARGIN_MS)
      // A timeout is not retried on the same provider, and one timeout does not open the breaker.
      expect(cloudA.requests).toHaveLength(1)
      expect(primaryState(on)?.state).toBe('healthy')
      expect(primarySockets).toHaveLength(1)
      await primaryConnectionsClosed(primarySockets)
    })

    it(`hang after ${CONTINUE_AT + 20} tokens (stall): the backup continues the answer, nothing lost or repeated`, async () => {
      const sent = CONTINUE_AT + 20
      await cloudA.setFault({ type: 'hang-after', tokens: sent })
      const outcome = await ask(newRouter())
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([attempt('primary'), toBackup('timeout', 'The answer stalled for 0.5 s.', 'continue'), attempt('backup'), done('backup')])
      expect(streamedBy('primary', outcome.events)).toBe(partialOf(sent))
      expect(streamedBy('backup', outcome.events)).toBe(ANSWER.slice(partialOf(sent).length))
      expect(cloudB.requests[0]?.body.messages).toEqual([
        { role: 'user', content: PROMPT },
        { role: 'assistant', content: partialOf(sent) },
        { role: 'user', content: CONTINUE_INSTRUCTION }
      ])
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(TIMEOUTS.stallMs - 5)
      expect(outcome.elapsedMs).toBeLessThan(TIMEOUTS.stallMs + MARGIN_MS)
      await primaryConnectionsClosed(primarySockets)
    })

    it('a trickle slower than the stall limit: no first token in time, so the backup answers', async () => {
      // Slower than stallMs, hence (firstTokenMs <= stallMs, as in the defaults) than firstTokenMs too.
      await cloudA.setFault({ type: 'trickle', intervalMs: TIMEOUTS.stallMs + 300 })
      const outcome = await ask(newRouter())
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([attempt('primary'), toBackup('timeout', 'No first token within 0.4 s.'), attempt('backup'), done('backup')])
      expect(streamedBy('primary', outcome.events)).toBe('')
      expect(outcome.elapsedMs).toBeLessThan(TIMEOUTS.firstTokenMs + MARGIN_MS)
      await primaryConnectionsClosed(primarySockets)
    })

    it('an answer that slows to a trickle slower than the stall limit: the backup continues it', async () => {
      cloudA.setTokenInterval(5)
      const outcome = await ask(newRouter(), {
        onEvent: (event, events) => {
          if (event.type === 'token' && events.filter((seen) => seen.type === 'token').length === CONTINUE_AT + 10) cloudA.setTokenInterval(TIMEOUTS.stallMs + 300)
        }
      })
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([attempt('primary'), toBackup('timeout', 'The answer stalled for 0.5 s.', 'continue'), attempt('backup'), done('backup')])
      const partial = streamedBy('primary', outcome.events)
      expect(partial.length).toBeGreaterThanOrEqual(partialOf(CONTINUE_AT + 10).length)
      expect(partial + streamedBy('backup', outcome.events)).toBe(ANSWER)
      expect(outcome.elapsedMs).toBeLessThan(TIMEOUTS.stallMs + MARGIN_MS)
      await primaryConnectionsClosed(primarySockets)
    })
  })

  describe('HTTP errors', () => {
    it.each([500, 502, 503, 504, 408])('%i: retried once on the primary at once, then the backup answers', async (status) => {
      const on = newRouter()
      await cloudA.setFault({ type: 'status', status })
      const outcome = await ask(on)
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([
        attempt('primary'),
        attempt('primary'),
        toBackup('server', `Primary Cloud answered with a server error (HTTP ${status}).`),
        attempt('backup'),
        done('backup')
      ])
      expect(cloudA.requests).toHaveLength(2)
      // Quick: no deadline was waited for (the retry window is 1 s).
      expect(outcome.elapsedMs).toBeLessThan(POLICY.quickRetry.withinMs + MARGIN_MS)
      // Two failures count toward the breaker but do not open it (three do).
      expect(primaryState(on)).toMatchObject({ state: 'healthy', lastFailure: { kind: 'server' } })
    })

    it('a single 503: the retry on the primary itself answers, and the backup is never asked', async () => {
      await cloudA.setFault({ type: 'status', status: 503 }, { times: 1 })
      const outcome = await ask(newRouter())
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([attempt('primary'), attempt('primary'), done('primary')])
      expect(streamedBy('primary', outcome.events)).toBe(ANSWER)
      expect(cloudA.requests).toHaveLength(2)
      expect(cloudB.requests).toHaveLength(0)
    })

    it('429 with Retry-After: moves on at once, skips the primary without connecting until then, breaker closed', async () => {
      const on = newRouter()
      await cloudA.setFault({ type: 'rate-limit', retryAfterSeconds: 2 })
      const first = await ask(on)
      expect(first.text).toBe(ANSWER)
      expect(route(first.events)).toEqual([
        attempt('primary'),
        toBackup('rate-limited', 'Primary Cloud is limiting how many requests it accepts. It asks to wait 2 s.'),
        attempt('backup'),
        done('backup')
      ])
      expect(cloudA.requests).toHaveLength(1)
      expect(first.elapsedMs).toBeLessThan(TIMEOUTS.firstTokenMs + MARGIN_MS)
      const limited = primaryState(on)
      expect(limited).toMatchObject({ state: 'healthy', lastFailure: { kind: 'rate-limited' } })
      expect(limited?.rateLimitedUntil).toBeGreaterThan(Date.now() + 1000)
      expect(limited?.rateLimitedUntil).toBeLessThanOrEqual(Date.now() + 2000)

      // Still limited a moment before Retry-After ends: skipped, with no connection and no request.
      const connections = cloudA.connections
      clockSkewMs = 1800
      const second = await ask(on)
      expect(second.text).toBe(ANSWER)
      expect(route(second.events)).toEqual([{ type: 'skip', providerId: 'primary', reason: 'rate-limited' }, attempt('backup'), done('backup')])
      expect(cloudA.connections).toBe(connections)
      expect(cloudA.requests).toHaveLength(1)
      expect(primaryState(on)?.state).toBe('healthy')

      // Once Retry-After has passed the primary answers again (the fault is still set, so make it well).
      await cloudA.setFault({ type: 'none' })
      clockSkewMs = 2100
      const third = await ask(on)
      expect(third.text).toBe(ANSWER)
      expect(route(third.events)).toEqual([attempt('primary'), done('primary')])
      expect(primaryState(on)).not.toHaveProperty('rateLimitedUntil')
    })

    it('401: tells the writer what to fix, moves on, and never opens the breaker', async () => {
      const on = newRouter()
      await cloudA.setFault({ type: 'unauthorized' })
      const message = 'The API key for Primary Cloud was refused. Check it in Settings → AI providers.'
      // More requests than failuresToOpen: a wrong key is not an outage, so each one tries the primary.
      for (let request = 1; request <= POLICY.breaker.failuresToOpen + 1; request++) {
        const outcome = await ask(on)
        expect(outcome.text).toBe(ANSWER)
        expect(route(outcome.events)).toEqual([
          attempt('primary'),
          { type: 'notice', providerId: 'primary', kind: 'config', message },
          toBackup('config', message),
          attempt('backup'),
          done('backup')
        ])
        expect(cloudA.requests).toHaveLength(request)
        expect(primaryState(on)).toMatchObject({ state: 'healthy', lastFailure: { kind: 'config', message } })
      }
    })
  })

  describe('broken streams', () => {
    it('malformed SSE: the backup restarts the answer, and the preview shows only its text', async () => {
      await cloudA.setFault({ type: 'malformed-sse' })
      const outcome = await ask(newRouter())
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([
        attempt('primary'),
        toBackup('malformed', 'Primary Cloud sent an answer stream that could not be read.'),
        attempt('backup'),
        done('backup')
      ])
      // The fake sends two good tokens before the broken event; the restart drops them.
      expect(streamedBy('primary', outcome.events)).toBe(partialOf(2))
      expect(streamedBy('backup', outcome.events)).toBe(ANSWER)
      expect(cloudB.requests[0]?.body.messages).toEqual([{ role: 'user', content: PROMPT }])
      expect(cloudA.requests).toHaveLength(1)
    })

    it(`cut after ${CONTINUE_AT} tokens (the continuation threshold): the backup continues exactly where it stopped`, async () => {
      const on = newRouter()
      await cloudA.setFault({ type: 'cut', afterTokens: CONTINUE_AT })
      const outcome = await ask(on)
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([
        attempt('primary'),
        toBackup('cut', 'The answer from Primary Cloud stopped before it was finished.', 'continue'),
        attempt('backup'),
        done('backup')
      ])
      expect(streamedBy('primary', outcome.events)).toBe(partialOf(CONTINUE_AT))
      expect(streamedBy('backup', outcome.events)).toBe(ANSWER.slice(partialOf(CONTINUE_AT).length))
      expect(cloudB.requests[0]?.body).toMatchObject({
        system: SYSTEM,
        messages: [
          { role: 'user', content: PROMPT },
          { role: 'assistant', content: partialOf(CONTINUE_AT) },
          { role: 'user', content: CONTINUE_INSTRUCTION }
        ]
      })
      expect(outcome.elapsedMs).toBeLessThan(MARGIN_MS)
      // A cut answer is not an outage by itself.
      expect(primaryState(on)?.state).toBe('healthy')
    })

    it(`cut after ${CONTINUE_AT - 1} tokens (under the threshold): the backup restarts the answer`, async () => {
      await cloudA.setFault({ type: 'cut', afterTokens: CONTINUE_AT - 1 })
      const outcome = await ask(newRouter())
      expect(outcome.text).toBe(ANSWER)
      expect(route(outcome.events)).toEqual([
        attempt('primary'),
        toBackup('cut', 'The answer from Primary Cloud stopped before it was finished.', 'restart'),
        attempt('backup'),
        done('backup')
      ])
      expect(streamedBy('primary', outcome.events)).toBe(partialOf(CONTINUE_AT - 1))
      expect(streamedBy('backup', outcome.events)).toBe(ANSWER)
      expect(cloudB.requests[0]?.body.messages).toEqual([{ role: 'user', content: PROMPT }])
    })
  })

  describe('the end of the chain', () => {
    it('cancelling mid-answer stops at once: no more text, no failover, and the connection is closed', async () => {
      cloudA.setTokenInterval(20)
      const controller = new AbortController()
      const reason = new Error('The writer closed the assistant.')
      let abortedAt = 0
      const outcome = await ask(newRouter(), {
        signal: controller.signal,
        onEvent: (event, events) => {
          if (event.type === 'token' && events.filter((seen) => seen.type === 'token').length === 10) {
            abortedAt = performance.now()
            controller.abort(reason)
          }
        }
      })
      const stoppedAfterMs = performance.now() - abortedAt
      expect(outcome.error).toBe(reason)
      expect(route(outcome.events)).toEqual([attempt('primary')])
      expect(outcome.text).toBe(partialOf(10))
      expect(stoppedAfterMs).toBeLessThan(500)
      expect(cloudB.requests).toHaveLength(0)
      expect(primarySockets).toHaveLength(1)
      expect(await primaryConnectionsClosed(primarySockets)).toBeLessThan(MARGIN_MS)
    })

    it('all three failing: NoProviderAnsweredError naming each provider and what went wrong', async () => {
      await cloudA.setFault({ type: 'refuse' })
      await cloudB.setFault({ type: 'status', status: 503 })
      const outcome = await ask(newRouter())
      expect(outcome.error).toBeInstanceOf(NoProviderAnsweredError)
      const error = outcome.error as NoProviderAnsweredError
      expect(error.outcomes).toEqual([
        { providerId: 'primary', result: 'failed', failure: 'network', message: expect.stringContaining('ECONNREFUSED') as unknown },
        { providerId: 'backup', result: 'failed', failure: 'server', message: 'Backup Cloud answered with a server error (HTTP 503).' },
        { providerId: RULES_PROVIDER_ID, result: 'failed', failure: 'unsupported', message: expect.stringContaining('Rewriting needs an AI model') as unknown }
      ])
      expect(error.message).toBe(
        `No AI provider answered: Primary Cloud failed: could not reach Primary Cloud at ${cloudA.openaiBaseUrl} (ECONNREFUSED); ` +
          'Backup Cloud failed: Backup Cloud answered with a server error (HTTP 503); ' +
          'rewriting needs an AI model, and none is reachable. Install the local models (Settings → Local models → Outage kit) to rewrite offline.'
      )
      expect(route(outcome.events)).toEqual([
        attempt('primary'),
        toBackup('network', expect.stringContaining('ECONNREFUSED')),
        attempt('backup'),
        attempt('backup'),
        { type: 'switch', from: 'backup', to: RULES_PROVIDER_ID, reason: 'server', message: 'Backup Cloud answered with a server error (HTTP 503).', mode: 'restart' },
        attempt('rules')
      ])
      expect(outcome.text).toBe('')
      expect(outcome.elapsedMs).toBeLessThan(MARGIN_MS)
    })

    it('both clouds failing on a task the rule-based help can do: it answers', async () => {
      await cloudA.setFault({ type: 'refuse' })
      await cloudB.setFault({ type: 'unauthorized' })
      const text = 'The council met on Tuesday. It approved the budget after a long debate. The mayor thanked the staff.'
      const request: CompletionRequest = { ...REQUEST, assist: { action: 'shorten', text } }
      let expected = ''
      for await (const delta of new RulesProvider().stream(request, { signal: new AbortController().signal, connectTimeoutMs: 1 })) expected += delta
      const outcome = await ask(newRouter(), { task: 'shorten', request })
      expect(outcome.error).toBeUndefined()
      expect(outcome.text).toBe(expected)
      expect(route(outcome.events).at(-1)).toEqual(done('rules'))
      expect(route(outcome.events)).toContainEqual({ type: 'switch', from: 'backup', to: RULES_PROVIDER_ID, reason: 'config', message: expect.any(String) as unknown, mode: 'restart' })
    })
  })
})
