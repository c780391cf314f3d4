import { describe, expect, it } from 'vitest'
import { BREAKER_COUNTED_FAILURES, BREAKER_OPENING_FAILURES, DEFAULT_ROUTER_POLICY, RouterPolicySchema, type RouterPolicy } from '../../../../src/shared/ai/routerPolicy'

function withChanges(change: (policy: RouterPolicy) => void): unknown {
  const policy = structuredClone(DEFAULT_ROUTER_POLICY)
  change(policy)
  return policy
}

describe('RouterPolicySchema', () => {
  it('accepts the defaults, which are the documented numbers', () => {
    expect(RouterPolicySchema.parse(DEFAULT_ROUTER_POLICY)).toEqual(DEFAULT_ROUTER_POLICY)
    expect(DEFAULT_ROUTER_POLICY).toEqual({
      chains: {},
      defaultChain: [],
      timeouts: { connectMs: 3000, firstTokenMs: 6000, stallMs: 10_000, totalMs: 120_000 },
      quickRetry: { withinMs: 1000, retries: 1 },
      breaker: { failuresToOpen: 3, openMs: 30_000, maxOpenMs: 300_000, jitter: 0.2, probeSuccessesToClose: 2, probeBudgetMs: 5000 },
      rateLimit: { defaultRetryAfterMs: 30_000 },
      continuation: { minPartialTokens: 40 },
      earlyWarning: { degradationFactor: 3, minSlowdownMs: 500, baselineSamples: 20, minBaselineSamples: 5, recentSamples: 2, holdMs: 60_000 }
    })
  })

  it('opens the breaker at once on network failures and counts only outage-like failures', () => {
    expect(BREAKER_OPENING_FAILURES).toEqual(['network'])
    expect(BREAKER_COUNTED_FAILURES).toEqual(['timeout', 'server', 'malformed', 'cut'])
  })

  it('takes a chain per assistant action', () => {
    const policy = withChanges((p) => (p.chains = { rewrite: ['openai', 'local', 'rules'], grammar: ['rules'] }))
    expect(RouterPolicySchema.safeParse(policy).success).toBe(true)
  })

  it.each([
    ['an unknown task', withChanges((p) => Object.assign(p.chains, { poetry: ['openai'] }))],
    ['a provider named twice in a chain', withChanges((p) => (p.chains.rewrite = ['openai', 'openai']))],
    ['an empty task chain', withChanges((p) => (p.chains.rewrite = []))],
    ['an unknown setting', withChanges((p) => Object.assign(p.timeouts, { readMs: 5 }))],
    ['a first-token timeout beyond the total', withChanges((p) => (p.timeouts.firstTokenMs = 200_000))],
    ['a first open period beyond the longest', withChanges((p) => (p.breaker.openMs = 600_000))],
    ['jitter over 50%', withChanges((p) => (p.breaker.jitter = 0.8))],
    ['a degradation factor of 1', withChanges((p) => (p.earlyWarning.degradationFactor = 1))],
    ['fractional milliseconds', withChanges((p) => (p.timeouts.stallMs = 1.5))]
  ])('refuses %s', (_name, policy) => {
    expect(RouterPolicySchema.safeParse(policy).success).toBe(false)
  })
})
