import { diffChars, diffWords } from 'diff'
import OpenAI from 'openai'
import { performance } from 'node:perf_hooks'
import { isDeepStrictEqual } from 'node:util'
import { AnthropicProvider } from '../src/core/ai/providers/anthropic'
import { OpenAICompatibleProvider } from '../src/core/ai/providers/openaiCompatible'
import type { CompletionRequest, Provider } from '../src/core/ai/provider'
import type { LocalProvider } from '../src/core/ai/providers/localProvider'
import { AiRouter } from '../src/core/ai/router/router'
import { RulesProvider } from '../src/core/ai/rules/rulesProvider'
import { DEFAULT_ROUTER_POLICY } from '../src/shared/ai/routerPolicy'
import { DEFAULT_ANSWER, startFakeCloud, type Fault, type FakeCloud } from '../test/fixtures/fakeCloud'
import { printTable, writeResults } from './lib/report'
import { atMost, exactly, within } from './lib/targets'
import { startTinyLocalProvider } from './lib/tinyLocalProvider'

// bench:failover: the AI router with its documented default policy against the fake cloud.
// Chain, as in the app: primary cloud (OpenAI wire) → backup cloud (Anthropic wire) → local model
// (the tiny test model in the built inference worker, through the app's LocalProvider) → the
// rule-based help. Each fault is injected on the primary; the backup and the local model answer
// the same text, so continuation can be checked character by character.

/** The defaults README documents; the benchmark refuses to run with anything else. */
const DOCUMENTED = {
  timeouts: { connectMs: 3000, firstTokenMs: 6000, stallMs: 10_000, totalMs: 120_000 },
  quickRetry: { withinMs: 1000, retries: 1 },
  breaker: { failuresToOpen: 3, openMs: 30_000, maxOpenMs: 300_000, jitter: 0.2, probeSuccessesToClose: 2, probeBudgetMs: 5000 }
}
const BASELINE_CAP_MS = 60_000
const FAULT_AFTER_TOKENS = 100
const OVERHEAD_RUNS = 200
const BACKUP_KEY = 'sk-bench-backup'
/** The breaker's open period with its jitter (30 s ± 20 %), then up to two probes within their budget. */
const FAIL_BACK_MS = { low: 24_000, high: 36_000 + 2 * 5000 }

const REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You are a writing assistant.' },
    { role: 'user', content: 'Rewrite the text.\n\nText:\nThe council met on Tuesday.' }
  ],
  maxTokens: 1000
}

interface RunTrace {
  text: string
  firstTokenAt: number | null
  /** Time of the last token from the primary, and of the first token after it from another provider. */
  lastPrimaryTokenAt: number | null
  firstTakeoverTokenAt: number | null
  servedBy: string | null
  startedAt: number
  endedAt: number
}

async function run(router: AiRouter): Promise<RunTrace> {
  const trace: RunTrace = { text: '', firstTokenAt: null, lastPrimaryTokenAt: null, firstTakeoverTokenAt: null, servedBy: null, startedAt: performance.now(), endedAt: 0 }
  for await (const event of router.run('rewrite', REQUEST, { signal: AbortSignal.timeout(150_000) })) {
    if (event.type === 'switch' && event.mode === 'restart') trace.text = ''
    if (event.type === 'done') trace.servedBy = event.providerId
    if (event.type !== 'token') continue
    const now = performance.now()
    trace.firstTokenAt ??= now
    if (event.providerId === 'primary') trace.lastPrimaryTokenAt = now
    else if (trace.firstTakeoverTokenAt === null) trace.firstTakeoverTokenAt = now
    trace.text += event.text
  }
  trace.endedAt = performance.now()
  return trace
}

/** Characters and words of the true answer missing from the final text, and characters in it twice. */
function compare(answer: string, final: string): { tokensLost: number; charsLost: number; charsDuplicated: number } {
  const chars = diffChars(answer, final)
  const words = diffWords(answer, final)
  return {
    tokensLost: words.filter((part) => part.removed).reduce((n, part) => n + part.value.trim().split(/\s+/).filter(Boolean).length, 0),
    charsLost: chars.filter((part) => part.removed).reduce((n, part) => n + part.value.length, 0),
    charsDuplicated: chars.filter((part) => part.added).reduce((n, part) => n + part.value.length, 0)
  }
}

/** Loaded once in main(); every router shares it, as the app's routers share the inference worker. */
let localProvider: LocalProvider

function routerFor(primary: FakeCloud, backup: FakeCloud): { router: AiRouter; providers: Provider[] } {
  const providers: Provider[] = [
    new OpenAICompatibleProvider({ id: 'primary', baseUrl: primary.openaiBaseUrl, model: 'fake' }),
    new AnthropicProvider({ id: 'backup', baseUrl: backup.anthropicBaseUrl, model: 'fake', apiKey: BACKUP_KEY }),
    localProvider,
    new RulesProvider()
  ]
  const router = new AiRouter({ providers: () => providers, policy: () => DEFAULT_ROUTER_POLICY, log: { warn: () => undefined, error: () => undefined } })
  return { router, providers }
}

async function clouds(): Promise<{ primary: FakeCloud; backup: FakeCloud; close: () => Promise<void> }> {
  const primary = await startFakeCloud({ answer: DEFAULT_ANSWER, tokenIntervalMs: 1 })
  const backup = await startFakeCloud({ answer: DEFAULT_ANSWER, tokenIntervalMs: 1, apiKey: BACKUP_KEY })
  return {
    primary,
    backup,
    close: async () => {
      await Promise.all([primary.close(), backup.close()])
    }
  }
}

/** One fault on the primary, through a fresh router (no breaker history). */
async function faultCase(fault: Fault): Promise<RunTrace> {
  const { primary, backup, close } = await clouds()
  const { router } = routerFor(primary, backup)
  await primary.setFault(fault)
  const trace = await run(router)
  router.close()
  await close()
  return trace
}

/** The SDK with its defaults (10-minute timeout, 2 retries), as a naive client uses it; waits at most 60 s. */
async function baselineCase(fault: Fault): Promise<{ firstTokenMs: null; display: string; outcome: string; tokensLost: number }> {
  const primary = await startFakeCloud({ answer: DEFAULT_ANSWER, tokenIntervalMs: 1 })
  await primary.setFault(fault)
  const client = new OpenAI({ baseURL: primary.openaiBaseUrl, apiKey: 'sk-baseline', logLevel: 'off' })
  const started = performance.now()
  const signal = AbortSignal.timeout(BASELINE_CAP_MS)
  let text = ''
  let lastTokenAt: number | null = null
  let outcome = 'answered'
  try {
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'Rewrite.' }], stream: true }, { signal })
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content
      if (!delta) continue
      text += delta
      lastTokenAt = performance.now()
    }
    // The SDK ends a stream quietly when it is aborted, so the cap shows only in the signal.
    if (signal.aborted) outcome = `still waiting after ${BASELINE_CAP_MS / 1000} s`
    else if (text !== DEFAULT_ANSWER) outcome = 'the stream ended early, no error'
  } catch (error) {
    outcome = signal.aborted ? `still waiting after ${BASELINE_CAP_MS / 1000} s` : `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
  }
  await primary.close()
  // The baseline has no second provider: after the fault no token ever comes.
  const waited = performance.now() - (lastTokenAt ?? started)
  return {
    firstTokenMs: null,
    display: signal.aborted ? `> ${BASELINE_CAP_MS}` : `never (gave up after ${Math.round(waited)} ms)`,
    outcome,
    tokensLost: compare(DEFAULT_ANSWER, text).tokensLost
  }
}

async function overheadHealthy(): Promise<number> {
  const { primary, backup, close } = await clouds()
  primary.setTokenInterval(0)
  primary.setAnswer('A short answer of a few tokens.')
  const { router, providers } = routerFor(primary, backup)
  const direct = providers[0]
  if (!direct) throw new Error('no primary')
  const timeDirect = async (): Promise<number> => {
    const t = performance.now()
    await drain(direct.stream(REQUEST, { signal: AbortSignal.timeout(10_000), connectTimeoutMs: 3000 }))
    return performance.now() - t
  }
  const timeRouter = async (): Promise<number> => {
    const t = performance.now()
    const trace = await run(router)
    if (trace.servedBy !== 'primary') throw new Error(`a healthy primary did not answer (served by ${trace.servedBy})`)
    return performance.now() - t
  }
  for (let i = 0; i < 20; i++) await Promise.all([timeDirect(), timeRouter()]) // warm-up
  const differences: number[] = []
  for (let i = 0; i < OVERHEAD_RUNS; i++) {
    // Alternate the order so neither side always runs on a warmer connection.
    if (i % 2 === 0) {
      const routed = await timeRouter()
      differences.push(routed - (await timeDirect()))
    } else {
      const direct = await timeDirect()
      differences.push((await timeRouter()) - direct)
    }
  }
  router.close()
  await close()
  return median(differences)
}

/** Reads a stream to its end. */
async function drain(stream: AsyncIterable<string>): Promise<number> {
  let chars = 0
  for await (const text of stream) chars += text.length
  return chars
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** Opens the primary's breaker, measures requests while it is open, then how long fail-back takes. */
async function breakerAndFailBack(): Promise<{ overheadMs: number; connectionsWhileOpen: number; failBackMs: number }> {
  const { primary, backup, close } = await clouds()
  primary.setTokenInterval(0)
  backup.setTokenInterval(0)
  primary.setAnswer('A short answer of a few tokens.')
  backup.setAnswer('A short answer of a few tokens.')
  const { router, providers } = routerFor(primary, backup)
  const directBackup = providers[1]
  if (!directBackup) throw new Error('no backup')
  await primary.setFault({ type: 'refuse' })
  await run(router) // a refused connection opens the breaker at once
  const recoveredAt = performance.now()
  await primary.setFault({ type: 'none' }) // healthy again, but the breaker does not know yet
  primary.resetCounters()
  const differences: number[] = []
  for (let i = 0; i < OVERHEAD_RUNS; i++) {
    const t0 = performance.now()
    const trace = await run(router)
    const routed = performance.now() - t0
    if (trace.servedBy !== 'backup') throw new Error(`served by ${trace.servedBy} while the breaker should be open`)
    const t1 = performance.now()
    await drain(directBackup.stream(REQUEST, { signal: AbortSignal.timeout(10_000), connectTimeoutMs: 3000 }))
    differences.push(routed - (performance.now() - t1))
  }
  const connectionsWhileOpen = primary.connections
  let failBackMs = NaN
  for (;;) {
    const trace = await run(router)
    if (trace.servedBy === 'primary') {
      failBackMs = trace.startedAt - recoveredAt
      break
    }
    if (performance.now() - recoveredAt > 400_000) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  router.close()
  await close()
  return { overheadMs: median(differences), connectionsWhileOpen, failBackMs }
}

async function main(): Promise<void> {
  const used = { timeouts: DEFAULT_ROUTER_POLICY.timeouts, quickRetry: DEFAULT_ROUTER_POLICY.quickRetry, breaker: DEFAULT_ROUTER_POLICY.breaker }
  if (!isDeepStrictEqual(used, DOCUMENTED)) {
    console.error('The router policy differs from the documented defaults; this benchmark only runs with them.')
    console.error(JSON.stringify({ used, documented: DOCUMENTED }, null, 2))
    process.exit(1)
  }
  const started = performance.now()
  const local = await startTinyLocalProvider(DEFAULT_ANSWER)
  localProvider = local.provider
  // The baseline's two long waits run meanwhile, each on its own fake server.
  const baselineRuns = Promise.all([
    baselineCase({ type: 'refuse' }),
    baselineCase({ type: 'hang-before-headers' }),
    baselineCase({ type: 'cut', afterTokens: FAULT_AFTER_TOKENS }),
    baselineCase({ type: 'hang-after', tokens: FAULT_AFTER_TOKENS })
  ])

  // Warm-up, not measured: the first request in a process loads the SDKs and compiles the
  // failover path (420–680 ms on a loaded machine, with or without the local model); the app
  // pays that once at start, not at each outage. Each case below has fresh clouds and router.
  await faultCase({ type: 'refuse' })
  const refused = await faultCase({ type: 'refuse' })
  const hang = await faultCase({ type: 'hang-before-headers' })
  const cut = await faultCase({ type: 'cut', afterTokens: FAULT_AFTER_TOKENS })
  const stall = await faultCase({ type: 'hang-after', tokens: FAULT_AFTER_TOKENS })
  const healthyOverhead = await overheadHealthy()
  const open = await breakerAndFailBack()
  const [bRefused, bHang, bCut, bStall] = await baselineRuns
  await local.close()

  const since = (from: number | null, to: number | null): number => (from === null || to === null ? NaN : Math.round(to - from))
  const cutLoss = compare(DEFAULT_ANSWER, cut.text)
  const stallLoss = compare(DEFAULT_ANSWER, stall.text)
  const results = {
    firstTokenMs: {
      refused: since(refused.startedAt, refused.firstTokenAt),
      hangBeforeHeaders: since(hang.startedAt, hang.firstTokenAt),
      cut: since(cut.lastPrimaryTokenAt, cut.firstTakeoverTokenAt),
      stall: since(stall.lastPrimaryTokenAt, stall.firstTakeoverTokenAt)
    },
    tokensLost: cutLoss.tokensLost + stallLoss.tokensLost,
    charsDuplicated: cutLoss.charsDuplicated + stallLoss.charsDuplicated,
    servedBy: { refused: refused.servedBy, hangBeforeHeaders: hang.servedBy, cut: cut.servedBy, stall: stall.servedBy },
    overheadMs: { healthy: Number(healthyOverhead.toFixed(3)), breakerOpen: Number(open.overheadMs.toFixed(3)) },
    connectionsWhileOpen: open.connectionsWhileOpen,
    failBackMs: Math.round(open.failBackMs),
    config: used,
    baseline: {
      client: 'openai SDK defaults (timeout 600 s, maxRetries 2), one provider',
      firstTokenMs: { refused: bRefused.display, hangBeforeHeaders: bHang.display, cut: bCut.display, stall: bStall.display },
      outcomes: { refused: bRefused.outcome, hangBeforeHeaders: bHang.outcome, cut: bCut.outcome, stall: bStall.outcome },
      tokensLost: { cut: bCut.tokensLost, stall: bStall.tokensLost }
    },
    totalSeconds: Math.round((performance.now() - started) / 1000)
  }

  console.log(`\nRouter with the documented defaults (connect ${used.timeouts.connectMs} ms, first token ${used.timeouts.firstTokenMs} ms, stall ${used.timeouts.stallMs} ms, total ${used.timeouts.totalMs} ms)\n`)
  printTable([
    ['firstTokenMs.refused', results.firstTokenMs.refused, `${atMost(results.firstTokenMs.refused, 300)} · baseline ${results.baseline.firstTokenMs.refused}`],
    ['firstTokenMs.hangBeforeHeaders', results.firstTokenMs.hangBeforeHeaders, `${atMost(results.firstTokenMs.hangBeforeHeaders, 6300)} · baseline ${results.baseline.firstTokenMs.hangBeforeHeaders}`],
    ['firstTokenMs.cut', results.firstTokenMs.cut, `from the cut to the first continued token; ${atMost(results.firstTokenMs.cut, 300)} · baseline ${results.baseline.firstTokenMs.cut}`],
    ['firstTokenMs.stall', results.firstTokenMs.stall, `from the stall; ${atMost(results.firstTokenMs.stall, 10_300)} · baseline ${results.baseline.firstTokenMs.stall}`],
    ['tokensLost', results.tokensLost, `${exactly(results.tokensLost, 0)} · baseline cut ${results.baseline.tokensLost.cut}, stall ${results.baseline.tokensLost.stall}`],
    ['charsDuplicated', results.charsDuplicated, exactly(results.charsDuplicated, 0)],
    ['overheadMs.healthy', results.overheadMs.healthy, `median of ${OVERHEAD_RUNS} paired requests; ${atMost(results.overheadMs.healthy, 2)}`],
    ['overheadMs.breakerOpen', results.overheadMs.breakerOpen, atMost(results.overheadMs.breakerOpen, 2)],
    ['connectionsWhileOpen', results.connectionsWhileOpen, exactly(results.connectionsWhileOpen, 0)],
    ['failBackMs', results.failBackMs, `recovery → first request served by it again; ${within(results.failBackMs, FAIL_BACK_MS.low, FAIL_BACK_MS.high)} (30 s ± 20 %, then 2 probes of ≤ 5 s)`]
  ])
  console.log('\nBaseline outcomes:', JSON.stringify(results.baseline.outcomes, null, 1))
  console.log(`\nWrote ${writeResults('failover', results)} in ${results.totalSeconds} s`)
}

await main()
