import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTINUE_INSTRUCTION, type CompletionRequest } from '../../../../../src/core/ai/provider'
import { NoProviderAnsweredError } from '../../../../../src/core/ai/router/noAnswer'
import { AiRouter } from '../../../../../src/core/ai/router/router'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'
import { ScriptedProvider, answer, answerText, collectWithFakeTimers, failing, failingAfter, hanging, route, words } from '../../../../support/ai/scriptedProvider'

const request: CompletionRequest = { messages: [{ role: 'user', content: 'Continue the story.' }], maxTokens: 800 }
// About 60 estimated tokens: enough to be continued.
const LONG_PARTIAL = 'The harbour was quiet that morning, and the boats rocked gently against the pier while the gulls argued over scraps. '.repeat(2)
const routers: AiRouter[] = []

function routerFor(providers: ScriptedProvider[], label?: (providerId: string) => string) {
  const router = new AiRouter({ providers: () => providers, policy: () => DEFAULT_ROUTER_POLICY, random: () => 0.5, label })
  routers.push(router)
  return router
}

function run(router: AiRouter, completion = request) {
  return collectWithFakeTimers(router.run('continue', completion, { signal: new AbortController().signal }))
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(2026, 10, 3, 14, 2, 0))
})
afterEach(() => {
  for (const router of routers.splice(0)) router.close()
  vi.useRealTimers()
})

describe('AiRouter failover', () => {
  it('retries a 5xx or 408 that comes within 1 s once on the same provider', async () => {
    const openai = new ScriptedProvider('openai', [failing('server', { afterMs: 300 }), answer('Fine.')])
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, local]))
    expect(route(events)).toEqual([
      { type: 'attempt', providerId: 'openai', model: 'openai-model' },
      { type: 'attempt', providerId: 'openai', model: 'openai-model' },
      { type: 'done', providerId: 'openai', model: 'openai-model' }
    ])
    expect(openai.callCount).toBe(2)
    expect(local.callCount).toBe(0)
  })

  it('retries a quick 5xx only once, then moves on', async () => {
    const openai = new ScriptedProvider('openai', failing('server', { message: 'Bad gateway (502).' }))
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, local]))
    expect(openai.callCount).toBe(2)
    expect(route(events)[2]).toEqual({ type: 'switch', from: 'openai', to: 'local', reason: 'server', message: 'Bad gateway (502).', mode: 'restart' })
    expect(answerText(events)).toBe('Local.')
  })

  it('moves on at once after a slow 5xx, a timeout, a network error or a cut stream', async () => {
    for (const script of [failing('server', { afterMs: 1500 }), hanging, failing('network'), failingAfter('Half', 'cut'), failing('malformed')]) {
      const openai = new ScriptedProvider('openai', script)
      const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
      const { events } = await run(routerFor([openai, local]))
      expect(openai.callCount).toBe(1)
      expect(answerText(events)).toBe('Local.')
    }
  })

  it('gives up on a silent provider after the 6 s first-token timeout', async () => {
    const openai = new ScriptedProvider('openai', hanging)
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const started = Date.now()
    const { events } = await run(routerFor([openai, local]))
    expect(route(events)[1]).toMatchObject({ type: 'switch', reason: 'timeout', message: 'No first token within 6 s.' })
    expect(Date.now() - started).toBe(6000)
    expect(openai.lastSignal.aborted).toBe(true)
  })

  it('tells the user what to fix on 401, 403 or 404, moves on, and keeps the breaker closed', async () => {
    const openai = new ScriptedProvider('openai', failing('config', { message: 'The API key was refused (401).' }))
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const router = routerFor([openai, local])
    for (let request = 0; request < 4; request++) {
      const { events } = await run(router)
      expect(route(events).slice(0, 3)).toEqual([
        { type: 'attempt', providerId: 'openai', model: 'openai-model' },
        { type: 'notice', providerId: 'openai', kind: 'config', message: 'The API key was refused (401).' },
        { type: 'switch', from: 'openai', to: 'local', reason: 'config', message: 'The API key was refused (401).', mode: 'restart' }
      ])
    }
    expect(openai.callCount).toBe(4)
    expect(router.health()[0]).toMatchObject({ state: 'healthy', lastFailure: { kind: 'config', message: 'The API key was refused (401).' } })
  })

  it('lets the next provider continue a long enough partial answer, losing and repeating nothing', async () => {
    const openai = new ScriptedProvider('openai', failingAfter(LONG_PARTIAL, 'cut', { tokenDelayMs: 50 }))
    const local = new ScriptedProvider('local', answer('Then the storm came.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, local]))
    expect(route(events)).toEqual([
      { type: 'attempt', providerId: 'openai', model: 'openai-model' },
      { type: 'switch', from: 'openai', to: 'local', reason: 'cut', message: 'openai failed with cut.', mode: 'continue' },
      { type: 'attempt', providerId: 'local', model: 'local-model' },
      { type: 'done', providerId: 'local', model: 'local-model' }
    ])
    expect(answerText(events)).toBe(`${LONG_PARTIAL}Then the storm came.`)
    expect(local.calls[0]?.request.messages).toEqual([
      ...request.messages,
      { role: 'assistant', content: LONG_PARTIAL },
      { role: 'user', content: CONTINUE_INSTRUCTION }
    ])
  })

  it('continues from everything so far when a continuing provider dies too', async () => {
    const second = ' It was the last calm day of the season, and everyone in the village knew it without saying so.'
    const openai = new ScriptedProvider('openai', failingAfter(LONG_PARTIAL, 'network'))
    const anthropic = new ScriptedProvider('anthropic', [failingAfter(second, 'timeout')], { kind: 'anthropic' })
    const local = new ScriptedProvider('local', answer(' The end.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, anthropic, local]))
    expect(answerText(events)).toBe(`${LONG_PARTIAL}${second} The end.`)
    expect(events.filter((event) => event.type === 'switch').map((event) => event.mode)).toEqual(['continue', 'continue'])
    expect(local.calls[0]?.request.messages[1]).toEqual({ role: 'assistant', content: LONG_PARTIAL + second })
  })

  it('restarts when the partial answer is shorter than 40 tokens', async () => {
    const openai = new ScriptedProvider('openai', failingAfter('Once upon a time', 'network'))
    const local = new ScriptedProvider('local', answer('A fresh start.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, local]))
    expect(route(events)[1]).toMatchObject({ type: 'switch', mode: 'restart' })
    expect(answerText(events)).toBe('A fresh start.')
    expect(local.calls[0]?.request).toBe(request)
  })

  it('continues only from what was streamed since the last restart', async () => {
    const openai = new ScriptedProvider('openai', failingAfter('Once upon a time', 'network'))
    const anthropic = new ScriptedProvider('anthropic', failingAfter(LONG_PARTIAL, 'cut'), { kind: 'anthropic' })
    const local = new ScriptedProvider('local', answer('And so on.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, anthropic, local]))
    expect(events.filter((event) => event.type === 'switch').map((event) => event.mode)).toEqual(['restart', 'continue'])
    expect(local.calls[0]?.request.messages[1]).toEqual({ role: 'assistant', content: LONG_PARTIAL })
    expect(answerText(events)).toBe(`${LONG_PARTIAL}And so on.`)
  })

  it('always restarts a JSON answer', async () => {
    const json = { ...request, json: true }
    const openai = new ScriptedProvider('openai', failingAfter(`["${LONG_PARTIAL}`, 'cut'))
    const local = new ScriptedProvider('local', answer('["A", "B"]'), { kind: 'local' })
    const { events } = await run(routerFor([openai, local]), json)
    expect(route(events)[1]).toMatchObject({ type: 'switch', mode: 'restart' })
    expect(answerText(events)).toBe('["A", "B"]')
    expect(local.calls[0]?.request).toBe(json)
  })

  it('says what happened and what to do when no provider answers', async () => {
    const openai = new ScriptedProvider('openai', failing('network'))
    const rules = new ScriptedProvider('rules', failing('unsupported', { message: 'Rewriting needs an AI model, and none is reachable. Install the local models (Settings → Local models → Outage kit) to rewrite offline.' }), { kind: 'rules' })
    const router = routerFor([openai, rules], (providerId) => (providerId === 'openai' ? 'OpenAI' : 'Rule-based help'))
    await run(router)
    vi.setSystemTime(new Date(2026, 10, 3, 14, 9, 0))
    const { events, error } = await run(router)
    expect(route(events)).toEqual([
      { type: 'skip', providerId: 'openai', reason: 'breaker-open' },
      { type: 'attempt', providerId: 'rules', model: 'rules-model' }
    ])
    expect(error).toBeInstanceOf(NoProviderAnsweredError)
    expect((error as Error).message).toBe(
      'No AI provider answered: OpenAI is down since 14:02; rewriting needs an AI model, and none is reachable. Install the local models (Settings → Local models → Outage kit) to rewrite offline.'
    )
    expect((error as NoProviderAnsweredError).outcomes).toEqual([
      { providerId: 'openai', result: 'skipped', reason: 'breaker-open', downSince: new Date(2026, 10, 3, 14, 2, 0).getTime() },
      { providerId: 'rules', result: 'failed', failure: 'unsupported', message: 'Rewriting needs an AI model, and none is reachable. Install the local models (Settings → Local models → Outage kit) to rewrite offline.' }
    ])
  })

  it('points to the settings when a key or model was refused', async () => {
    const openai = new ScriptedProvider('openai', failing('config', { message: 'The model gpt-9 does not exist (404).' }))
    const local = new ScriptedProvider('local', failing('network', { message: 'Connection refused.' }), { kind: 'local' })
    const { error } = await run(routerFor([openai, local]))
    expect((error as Error).message).toBe(
      'No AI provider answered: openai failed: the model gpt-9 does not exist (404); local failed: connection refused. Check the API key and model name in the AI settings.'
    )
  })

  it('streams every word of a healthy answer as its own token event', async () => {
    const text = 'One two three four five six seven eight nine ten.'
    const openai = new ScriptedProvider('openai', answer(text))
    const { events } = await run(routerFor([openai]))
    expect(events.filter((event) => event.type === 'token')).toHaveLength(words(text).length)
  })
})
