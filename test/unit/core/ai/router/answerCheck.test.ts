import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompletionRequest } from '../../../../../src/core/ai/provider'
import { unusableAnswer } from '../../../../../src/core/ai/router/answerCheck'
import { NoProviderAnsweredError } from '../../../../../src/core/ai/router/noAnswer'
import { AiRouter } from '../../../../../src/core/ai/router/router'
import { DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../../../src/shared/ai/routerPolicy'
import { ScriptedProvider, answer, answerText, collectWithFakeTimers, failingAfter, route } from '../../../../support/ai/scriptedProvider'

/** A request whose answer must hold the word "palette". */
const checked: CompletionRequest = {
  messages: [{ role: 'user', content: 'A palette, please.' }],
  maxTokens: 200,
  check: (text) => (text.includes('palette') ? undefined : 'with no palette in it')
}
const routers: AiRouter[] = []

function routerFor(providers: ScriptedProvider[], changePolicy: (policy: RouterPolicy) => void = () => undefined) {
  const policy = structuredClone(DEFAULT_ROUTER_POLICY)
  changePolicy(policy)
  const labels: Record<string, string> = { cloud: 'Cloud', local: 'Local model', rules: 'Rule-based help' }
  const router = new AiRouter({ providers: () => providers, policy: () => policy, random: () => 0.5, label: (id) => labels[id] ?? id })
  routers.push(router)
  return router
}

function run(router: AiRouter, request = checked) {
  return collectWithFakeTimers(router.run('moodPalette', request, { signal: new AbortController().signal }))
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  for (const router of routers.splice(0)) router.close()
  vi.useRealTimers()
})

describe('answers checked as a whole', () => {
  it('an answer that fails the check goes to the next provider, which starts again', async () => {
    const cloud = new ScriptedProvider('cloud', answer('Here are some nice colours for you.'))
    const local = new ScriptedProvider('local', answer('A palette of blues.'), { kind: 'local' })
    const { events, error } = await run(routerFor([cloud, local]))
    expect(error).toBeUndefined()
    expect(route(events)).toEqual([
      { type: 'attempt', providerId: 'cloud', model: 'cloud-model' },
      { type: 'switch', from: 'cloud', to: 'local', reason: 'unsupported', message: 'Cloud answered, but with no palette in it.', mode: 'restart' },
      { type: 'attempt', providerId: 'local', model: 'local-model' },
      { type: 'done', providerId: 'local', model: 'local-model' }
    ])
    expect(answerText(events)).toBe('A palette of blues.')
    // The next provider got the original request, not a continuation of the refused answer.
    expect(local.calls[0]?.request).toBe(checked)
  })

  it('an answer that passes is done at once', async () => {
    const cloud = new ScriptedProvider('cloud', answer('The palette: navy and sand.'))
    const { events } = await run(routerFor([cloud]))
    expect(route(events).map((event) => event.type)).toEqual(['attempt', 'done'])
  })

  it('unusable answers say nothing about an outage: the breaker stays closed however many there are', async () => {
    const cloud = new ScriptedProvider('cloud', answer('No colours today.'))
    const rules = new ScriptedProvider('rules', answer('The rules palette.'), { kind: 'rules' })
    const router = routerFor([cloud, rules])
    for (let i = 0; i < 5; i++) expect(answerText((await run(router)).events)).toBe('The rules palette.')
    expect(cloud.callCount).toBe(5)
    expect(router.health().find((health) => health.providerId === 'cloud')?.state).toBe('healthy')
  })

  it('a long partial answer of a checked request is restarted on the next provider, never continued', async () => {
    const long = 'palette '.repeat(200)
    const cloud = new ScriptedProvider('cloud', failingAfter(long, 'cut'))
    const local = new ScriptedProvider('local', answer('A palette of greens.'), { kind: 'local' })
    const { events } = await run(routerFor([cloud, local]))
    expect(route(events).find((event) => event.type === 'switch')).toMatchObject({ mode: 'restart', reason: 'cut' })
    expect(answerText(events)).toBe('A palette of greens.')
  })

  it('when no provider’s answer passes, the run fails and says what each answered', async () => {
    const cloud = new ScriptedProvider('cloud', answer('Colours!'))
    const local = new ScriptedProvider('local', answer('Nothing useful.'), { kind: 'local' })
    const { error } = await run(routerFor([cloud, local]))
    expect(error).toBeInstanceOf(NoProviderAnsweredError)
    expect((error as NoProviderAnsweredError).outcomes).toEqual([
      { providerId: 'cloud', result: 'failed', failure: 'unsupported', message: 'Cloud answered, but with no palette in it.' },
      { providerId: 'local', result: 'failed', failure: 'unsupported', message: 'Local model answered, but with no palette in it.' }
    ])
  })

  it('requests without a check are not checked', () => {
    expect(unusableAnswer({ messages: [], maxTokens: 1 }, '', 'Cloud')).toBeUndefined()
    expect(unusableAnswer(checked, 'palette', 'Cloud')).toBeUndefined()
    expect(unusableAnswer(checked, 'nope', 'Cloud')?.kind).toBe('unsupported')
  })
})
