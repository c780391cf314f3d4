import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { readProvidersFile } from '../../../../src/core/ai/config/providersFile'
import type { SecretBox } from '../../../../src/core/ai/config/secretBox'
import { closeTransports } from '../../../../src/core/ai/http/transport'
import type { Logger } from '../../../../src/core/logger'
import { MAX_ASSISTANT_TEXT_CHARS, type AssistantRequest } from '../../../../src/shared/ai/actions'
import type { ProviderConfig } from '../../../../src/shared/ai/providerConfig'
import type { CoreClient } from '../../../../src/shared/contracts'
import type { AssistEvent, ProviderHealth } from '../../../../src/shared/contracts/ai'
import { DEFAULT_ANSWER, startFakeCloud, type FakeCloud } from '../../../fixtures/fakeCloud'
import { connect } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

/** Short enough to stream quickly, long enough (about 30 estimated tokens) to be continued after a cut. */
const ANSWER =
  'The council approved the new budget late on Tuesday after a long debate about bus routes, school repairs and the cost of clearing snow from the hill roads in winter.'
const STORY =
  'In order to make sure that the council is able to approve the budget, the members of the committee met at this point in time on Tuesday evening in the town hall.'

const cores: Core[] = []
const clouds: FakeCloud[] = []
const closers: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
  for (const core of cores.splice(0)) await core.close()
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()))
  await closeTransports()
  vi.unstubAllEnvs()
})

/** Records warnings and errors so a test can say that nothing went wrong behind the user's back. */
function recordingLog(): Logger & { errors: unknown[][]; warnings: string[] } {
  const errors: unknown[][] = []
  const warnings: string[] = []
  return { errors, warnings, warn: (message) => warnings.push(message), error: (...args) => errors.push(args) }
}

async function cloud(options: Parameters<typeof startFakeCloud>[0] = {}): Promise<FakeCloud> {
  const started = await startFakeCloud({ answer: ANSWER, ...options })
  clouds.push(started)
  return started
}

function openai(id: string, label: string, baseUrl: string, extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return { id, label, kind: 'openai-compatible', baseUrl, model: `${id}-model`, ...extra }
}

function client(core: Core): CoreClient {
  const connection = connect(core)
  closers.push(() => connection.close())
  return connection.client
}

/** Headless mode: a real providers file, read as `--providers FILE` reads it. */
function headless(providers: ProviderConfig[], policy: Record<string, unknown> = {}, log: Logger = recordingLog()): { core: Core; client: CoreClient } {
  const dataDir = tempDir()
  const file = join(dataDir, 'providers.json')
  writeFileSync(file, JSON.stringify({ providers, policy }))
  const core = startCore({ dataDir, log, providers: readProvidersFile(file) })
  cores.push(core)
  return { core, client: client(core) }
}

/** The app: providers in the workspace database, keys sealed by a stand-in for the OS keychain. */
const sealed: string[] = []
const keychain: SecretBox = {
  storage: 'os',
  encrypt: (plain) => {
    sealed.push(plain)
    return Promise.resolve(Uint8Array.from(Buffer.from(plain, 'utf8'), (byte) => byte ^ 0x5a))
  },
  decrypt: (encrypted) => Promise.resolve(Buffer.from(Uint8Array.from(encrypted, (byte) => byte ^ 0x5a)).toString('utf8'))
}

function app(dataDir = tempDir(), log: Logger = recordingLog()): { core: Core; client: CoreClient; dataDir: string } {
  const core = startCore({ dataDir, log, secrets: keychain })
  cores.push(core)
  return { core, client: client(core), dataDir }
}

async function assist(rpc: CoreClient, request: AssistantRequest, localOnly = false, signal?: AbortSignal): Promise<AssistEvent[]> {
  const events: AssistEvent[] = []
  for await (const event of await rpc.ai.assist({ request, localOnly }, { signal })) events.push(event)
  return events
}

function textOf(events: readonly AssistEvent[]): string {
  return events.map((event) => (event.type === 'token' ? event.text : '')).join('')
}

async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string; data?: unknown }> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected the call to fail')
  return error
}

/** A TCP relay in front of a fake cloud, to see when the core closes its connection. */
async function startRelay(targetPort: number): Promise<{ baseUrl: string; closedAt: number[]; bytesFromCloud: () => number }> {
  const closedAt: number[] = []
  const sockets = new Set<net.Socket>()
  let bytes = 0
  const server = net.createServer((fromCore) => {
    const toCloud = net.connect(targetPort, '127.0.0.1')
    sockets.add(fromCore).add(toCloud)
    fromCore.pipe(toCloud)
    toCloud.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      fromCore.write(chunk)
    })
    fromCore.on('close', () => {
      closedAt.push(performance.now())
      toCloud.destroy()
    })
    toCloud.on('close', () => fromCore.destroy())
    fromCore.on('error', () => toCloud.destroy())
    toCloud.on('error', () => fromCore.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  })
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, closedAt, bytesFromCloud: () => bytes }
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

describe('ai.assist over RPC', () => {
  it('streams attempt, tokens and done; the tokens are the answer and done names who answered', async () => {
    const alpha = await cloud()
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)])
    const events = await assist(rpc, { action: 'rewrite', text: STORY })
    expect(events[0]).toEqual({ type: 'attempt', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud' })
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud' })
    expect(events.filter((e) => e.type === 'token').length).toBeGreaterThan(10)
    expect(textOf(events)).toBe(ANSWER)
    expect(events.filter((e) => e.type !== 'token')).toHaveLength(2)
    // The user's text went to the provider, with the action's instruction.
    const sent = JSON.stringify(alpha.requests[0]?.body)
    expect(sent).toContain(STORY)
    expect(sent).toContain('Rewrite the text')
  })

  it('continues an answer cut on the first provider on the second, marking the seam, with the text exact', async () => {
    vi.stubEnv('HOLDFAST_TEST_BETA_KEY', 'sk-ant-beta-0123456789')
    const alpha = await cloud()
    const beta = await cloud({ apiKey: 'sk-ant-beta-0123456789' })
    await alpha.setFault({ type: 'cut', afterTokens: 12 }, { times: 1 })
    const { client: rpc } = headless(
      [
        openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl),
        { id: 'beta', label: 'Beta Claude', kind: 'anthropic', baseUrl: beta.anthropicBaseUrl, model: 'beta-model', apiKeyEnv: 'HOLDFAST_TEST_BETA_KEY' }
      ],
      { continuation: { minPartialTokens: 10 } }
    )
    const events = await assist(rpc, { action: 'rewrite', text: STORY })
    const switchAt = events.findIndex((e) => e.type === 'switch')
    expect(events[switchAt]).toMatchObject({ type: 'switch', from: 'Alpha Cloud', to: 'Beta Claude', reason: 'cut', mode: 'continue' })
    expect((events[switchAt] as { message: string }).message).toMatch(/Alpha Cloud stopped before it was finished/)
    const before = textOf(events.slice(0, switchAt))
    expect(ANSWER.startsWith(before)).toBe(true)
    expect(before.length).toBeGreaterThan(40)
    expect(textOf(events)).toBe(ANSWER)
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'beta', model: 'beta-model', label: 'Beta Claude' })
    expect(events.filter((e) => e.type === 'attempt').map((e) => (e as { label: string }).label)).toEqual(['Alpha Cloud', 'Beta Claude'])
    // Beta was given the partial answer to continue from, not asked to start over.
    expect(JSON.stringify(beta.requests[0]?.body.messages)).toContain(JSON.stringify(before).slice(1, -1))
  })

  it('cancelling the stream stops the provider at once: its connection closes and nothing more is streamed or tried', async () => {
    const log = recordingLog()
    const alpha = await cloud({ answer: DEFAULT_ANSWER, tokenIntervalMs: 100 })
    const beta = await cloud()
    const relay = await startRelay(alpha.port)
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', relay.baseUrl), openai('beta', 'Beta Cloud', beta.openaiBaseUrl)], {}, log)
    const controller = new AbortController()
    let abortedAt = 0
    let tokens = 0
    let tokensAfterAbort = 0
    const outcome = (async () => {
      for await (const event of await rpc.ai.assist({ request: { action: 'rewrite', text: STORY }, localOnly: false }, { signal: controller.signal })) {
        if (event.type !== 'token') continue
        tokens += 1
        if (abortedAt) tokensAfterAbort += 1
        // The provider slows down after the second token (already on its way): a stop that waited
        // for the next token, rather than cutting the request, would take 10 s.
        if (tokens === 1) alpha.setTokenInterval(10_000)
        if (tokens === 2) {
          abortedAt = performance.now()
          controller.abort()
        }
      }
    })()
    await expect(outcome).rejects.toThrow()
    const closedAt = await until(() => relay.closedAt[0], 'the provider connection to close')
    expect(closedAt - abortedAt).toBeLessThan(1000)
    const bytesAtClose = relay.bytesFromCloud()
    await sleep(200)
    expect(relay.bytesFromCloud()).toBe(bytesAtClose)
    expect(tokensAfterAbort).toBe(0)
    expect(alpha.requests).toHaveLength(1)
    // A cancelled request is not a failure: no failover, and nothing logged as an error.
    expect(beta.requests).toHaveLength(0)
    expect(log.errors).toEqual([])
    // Nor is the provider blamed for it.
    const [health] = await healthUpdates(rpc, 1)
    expect(health?.find((h) => h.providerId === 'alpha')).toMatchObject({ state: 'healthy' })
    expect(health?.find((h) => h.providerId === 'alpha')).not.toHaveProperty('lastFailure')
  })

  it('a window that goes away mid-answer stops the provider too', async () => {
    const alpha = await cloud({ answer: DEFAULT_ANSWER, tokenIntervalMs: 100 })
    const relay = await startRelay(alpha.port)
    const { core } = headless([openai('alpha', 'Alpha Cloud', relay.baseUrl)])
    const window = connect(core)
    const stream = await window.client.ai.assist({ request: { action: 'rewrite', text: STORY }, localOnly: false })
    let tokens = 0
    while (tokens < 2) {
      const next = await stream.next()
      if (next.done) throw new Error('the answer ended early')
      if (next.value.type === 'token') tokens += 1
      if (tokens === 1) alpha.setTokenInterval(10_000)
    }
    const closedWindowAt = performance.now()
    window.close()
    const closedAt = await until(() => relay.closedAt[0], 'the provider connection to close')
    expect(closedAt - closedWindowAt).toBeLessThan(1000)
  })

  it('when nothing can answer, rejects with AI_UNAVAILABLE and says what to do', async () => {
    const { client: rpc } = headless([])
    const failure = await failureOf(assist(rpc, { action: 'rewrite', text: STORY }))
    expect(failure.code).toBe('AI_UNAVAILABLE')
    expect(failure.message).toMatch(/^No AI provider answered: rewriting needs an AI model\b/i)
    expect(failure.message).toMatch(/Install the local models \(Settings → Local models → Outage kit\) to rewrite offline\.$/)
    expect(failure.data).toEqual({ failures: [{ providerId: 'rules', kind: 'unsupported', message: expect.stringMatching(/needs an AI model/) as unknown }] })
  })

  it('a refused key shows a notice while the chain goes on, and the final error says to check the key', async () => {
    vi.stubEnv('HOLDFAST_TEST_WRONG_KEY', 'sk-wrong-key-9876543210')
    const alpha = await cloud({ apiKey: 'sk-right-key' })
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl, { apiKeyEnv: 'HOLDFAST_TEST_WRONG_KEY' })])
    const events: AssistEvent[] = []
    const failure = await failureOf(
      (async () => {
        for await (const event of await rpc.ai.assist({ request: { action: 'expand', text: STORY }, localOnly: false })) events.push(event)
      })()
    )
    expect(events).toContainEqual({ type: 'notice', providerId: 'alpha', message: expect.stringMatching(/API key for Alpha Cloud was refused/) as unknown })
    expect(failure.code).toBe('AI_UNAVAILABLE')
    expect(failure.message).toMatch(/^No AI provider answered: Alpha Cloud failed: the API key for Alpha Cloud was refused/i)
    expect(failure.message).toMatch(/Check the API key and model name in the AI settings\.$/)
    expect(failure.message).not.toContain('sk-wrong-key')
  })

  it('local-only, per request or for the whole workspace, never contacts a cloud provider; rule-based help shortens', async () => {
    const alpha = await cloud()
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)])
    const perRequest = await assist(rpc, { action: 'shorten', text: STORY }, true)
    expect(perRequest[0]).toEqual({ type: 'attempt', providerId: 'rules', model: 'rule-based', label: 'Rule-based help' })
    expect(perRequest.at(-1)).toEqual({ type: 'done', providerId: 'rules', model: 'rule-based', label: 'Rule-based help' })
    const shortened = textOf(perRequest)
    expect(shortened.length).toBeGreaterThan(0)
    expect(shortened.length).toBeLessThan(STORY.length)
    expect(shortened).toContain('budget')

    await rpc.settings.update({ aiLocalOnly: true })
    const workspaceWide = await assist(rpc, { action: 'shorten', text: STORY })
    expect(workspaceWide.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })
    expect(textOf(workspaceWide)).toBe(shortened)
    const refused = await failureOf(assist(rpc, { action: 'rewrite', text: STORY }))
    expect(refused.code).toBe('AI_UNAVAILABLE')
    expect(refused.message).toContain('Alpha Cloud is a cloud service and this request is local-only')
    expect(alpha.requests).toHaveLength(0)
    expect(alpha.connections).toBe(0)

    // The setting was what held the cloud back.
    await rpc.settings.update({ aiLocalOnly: false })
    expect(textOf(await assist(rpc, { action: 'rewrite', text: STORY }))).toBe(ANSWER)
    expect(alpha.requests).toHaveLength(1)
  })

  it('skips a provider once its usage this month reaches its cap, and shows the usage', async () => {
    const alpha = await cloud()
    const beta = await cloud()
    const { client: rpc } = headless([
      openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl, { monthlyTokenCap: 60 }),
      openai('beta', 'Beta Cloud', beta.openaiBaseUrl)
    ])
    const month = new Date().toISOString().slice(0, 7)
    expect(await rpc.ai.usage()).toEqual([
      { providerId: 'alpha', month, inputTokens: 0, outputTokens: 0, cap: 60 },
      { providerId: 'beta', month, inputTokens: 0, outputTokens: 0 }
    ])

    const first = await assist(rpc, { action: 'rewrite', text: STORY })
    expect(first.at(-1)).toMatchObject({ type: 'done', label: 'Alpha Cloud' })
    const [alphaUsage, betaUsage] = await rpc.ai.usage()
    // What the fake counted: a token per word of the prompt and one per streamed token.
    const promptWords = (alpha.requests[0]?.body.messages as { content: string }[]).reduce((sum, m) => sum + m.content.split(/\s+/).filter(Boolean).length, 0)
    expect(alphaUsage).toEqual({ providerId: 'alpha', month, inputTokens: promptWords, outputTokens: first.filter((e) => e.type === 'token').length, cap: 60 })
    expect(alphaUsage!.inputTokens + alphaUsage!.outputTokens).toBeGreaterThanOrEqual(60)
    expect(betaUsage).toMatchObject({ inputTokens: 0, outputTokens: 0 })

    const second = await assist(rpc, { action: 'rewrite', text: STORY })
    expect(second.map((e) => e.type)).not.toContain('switch')
    expect(second[0]).toMatchObject({ type: 'attempt', label: 'Beta Cloud' })
    expect(second.at(-1)).toMatchObject({ type: 'done', label: 'Beta Cloud' })
    expect(textOf(second)).toBe(ANSWER)
    expect(alpha.requests).toHaveLength(1)
    expect(beta.requests).toHaveLength(1)
    expect((await rpc.ai.usage())[1]!.outputTokens).toBeGreaterThan(0)
  })

  it('refuses bad input with INPUT_INVALID before any provider is asked', async () => {
    const alpha = await cloud()
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)])
    const bad: unknown[] = [
      { action: 'summon', text: STORY },
      { action: 'rewrite', text: '' },
      { action: 'rewrite', text: 'x'.repeat(MAX_ASSISTANT_TEXT_CHARS + 1) }
    ]
    for (const request of bad) {
      const failure = await failureOf(assist(rpc, request as AssistantRequest))
      expect(failure.code).toBe('INPUT_INVALID')
      expect(failure.message).toMatch(/^The request was refused: request\.(action|text): /)
    }
    // The longest allowed text is accepted.
    const longest = await assist(rpc, { action: 'shorten', text: `${'word '.repeat(MAX_ASSISTANT_TEXT_CHARS / 5 - 1)}word` }, true)
    expect(longest.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })
    expect(alpha.requests).toHaveLength(0)
  })
})

/** The first `count` lists the health stream sends. */
async function healthUpdates(rpc: CoreClient, count: number): Promise<ProviderHealth[][]> {
  const controller = new AbortController()
  const lists: ProviderHealth[][] = []
  try {
    for await (const list of await rpc.ai.health(undefined, { signal: controller.signal })) {
      lists.push(list)
      if (lists.length === count) break
    }
  } finally {
    controller.abort()
  }
  return lists
}

describe('ai.health over RPC', () => {
  it('sends the provider list, then the provider as down since the refused connection', async () => {
    const alpha = await cloud()
    await alpha.setFault({ type: 'refuse' })
    const { client: rpc } = headless([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)])
    const controller = new AbortController()
    closers.push(() => controller.abort())
    const stream = await rpc.ai.health(undefined, { signal: controller.signal })
    const first = await stream.next()
    expect(first.done).toBe(false)
    expect(first.value).toEqual([
      { providerId: 'alpha', label: 'Alpha Cloud', model: 'alpha-model', state: 'healthy' },
      { providerId: 'rules', label: 'Rule-based help', model: 'rule-based', state: 'local' }
    ])

    const before = Date.now()
    const events = await assist(rpc, { action: 'shorten', text: STORY })
    expect(events.find((e) => e.type === 'switch')).toMatchObject({ from: 'Alpha Cloud', to: 'Rule-based help', reason: 'network', mode: 'restart' })
    expect(events.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })

    let down: ProviderHealth | undefined
    while (!down) {
      const next = await stream.next()
      if (next.done) throw new Error('the health stream ended')
      down = next.value.find((h) => h.providerId === 'alpha' && h.state === 'down')
    }
    expect(down.downSince).toBeGreaterThanOrEqual(before)
    expect(down.downSince).toBeLessThanOrEqual(Date.now())
    expect(down.lastFailure).toMatch(/^Could not reach Alpha Cloud at http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\)\.$/)
    // While down it is skipped without a connection attempt.
    alpha.resetCounters()
    await alpha.setFault({ type: 'none' })
    expect((await assist(rpc, { action: 'shorten', text: STORY })).at(-1)).toMatchObject({ providerId: 'rules' })
    expect(alpha.connections).toBe(0)
  })
})

describe('ai.providers over RPC', () => {
  const KEY = 'sk-live-alpha-secret-4f9a2b7c'

  function databaseBytes(dataDir: string): Buffer {
    return Buffer.concat(readdirSync(dataDir).filter((name) => name.startsWith('holdfast.db')).map((name) => readFileSync(join(dataDir, name))))
  }

  it('in the app: saves with a sealed key, tests, removes, and keeps the chains across a restart', async () => {
    const alpha = await cloud({ apiKey: KEY })
    const { core, client: rpc, dataDir } = app()
    expect(await rpc.ai.providers.list()).toEqual({ providers: [], editable: true, keyStorage: 'os' })

    const config = openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)
    const saved = await rpc.ai.providers.save({ config, apiKey: KEY })
    expect(saved).toEqual({ providers: [{ ...config, hasKey: true }], editable: true, keyStorage: 'os' })
    expect(sealed).toContain(KEY)
    expect(databaseBytes(dataDir).includes(KEY)).toBe(false)

    const tested = await rpc.ai.providers.test({ providerId: 'alpha' })
    expect(tested).toEqual({ ok: true, message: 'Alpha Cloud answered.', firstTokenMs: expect.any(Number) as unknown })
    expect(tested.firstTokenMs).toBeGreaterThanOrEqual(0)
    expect(alpha.requests[0]?.body).toMatchObject({ max_tokens: 1 })

    // A second provider whose key the server refuses.
    const wrong = openai('wrong', 'Wrong Key Cloud', alpha.openaiBaseUrl)
    await rpc.ai.providers.save({ config: wrong, apiKey: 'sk-not-the-right-one' })
    const refused = await rpc.ai.providers.test({ providerId: 'wrong' })
    expect(refused.ok).toBe(false)
    expect(refused.message).toMatch(/^The API key for Wrong Key Cloud was refused\. Check it in Settings → AI providers\.$/)
    expect(await rpc.ai.providers.test({ providerId: 'missing' })).toEqual({ ok: false, message: 'That provider is not configured.' })

    // Saving without a key keeps the stored one; a changed model applies at once.
    const renamed = { ...config, model: 'alpha-model-2' }
    expect((await rpc.ai.providers.save({ config: renamed })).providers[0]).toEqual({ ...renamed, hasKey: true })
    expect((await rpc.ai.providers.test({ providerId: 'alpha' })).ok).toBe(true)
    expect(alpha.requests.at(-1)?.body.model).toBe('alpha-model-2')

    expect((await rpc.ai.providers.remove({ providerId: 'wrong' })).providers.map((p) => p.id)).toEqual(['alpha'])
    const gone = await failureOf(rpc.ai.providers.remove({ providerId: 'wrong' }))
    expect(gone).toMatchObject({ code: 'NOT_FOUND', data: { providerId: 'wrong' } })
    const [health] = await healthUpdates(rpc, 1)
    expect(health?.map((h) => h.providerId)).toEqual(['alpha', 'rules'])

    const chains = { rewrite: ['alpha', 'rules'], shorten: ['rules'] }
    expect((await rpc.ai.policy.update({ chains })).chains).toEqual(chains)
    expect((await rpc.ai.policy.get()).chains).toEqual(chains)

    for (const close of closers.splice(0)) await close()
    await core.close()
    cores.splice(cores.indexOf(core), 1)
    expect(databaseBytes(dataDir).includes(KEY)).toBe(false)

    const again = app(dataDir)
    expect((await again.client.ai.policy.get()).chains).toEqual(chains)
    expect((await again.client.ai.providers.list()).providers).toEqual([{ ...renamed, hasKey: true }])
    // The key is unsealed again for the request: the server accepts it.
    const events = await assist(again.client, { action: 'rewrite', text: STORY })
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'alpha', model: 'alpha-model-2', label: 'Alpha Cloud' })
    expect(textOf(events)).toBe(ANSWER)
  })

  it('in headless mode the providers file is the configuration: save, remove and chain changes are refused', async () => {
    vi.stubEnv('HOLDFAST_TEST_ALPHA_KEY', 'sk-env-key')
    const config = openai('alpha', 'Alpha Cloud', 'https://alpha.example/v1', { apiKeyEnv: 'HOLDFAST_TEST_ALPHA_KEY' })
    const other = openai('other', 'Other Cloud', 'https://other.example/v1', { apiKeyEnv: 'HOLDFAST_TEST_UNSET_KEY' })
    const { client: rpc } = headless([config, other], { chains: { rewrite: ['alpha', 'rules'] } })
    expect(await rpc.ai.providers.list()).toEqual({
      providers: [
        { ...config, hasKey: true },
        { ...other, hasKey: false }
      ],
      editable: false,
      keyStorage: 'environment'
    })
    expect(await failureOf(rpc.ai.providers.save({ config: { ...config, model: 'changed' }, apiKey: 'sk-typed' }))).toMatchObject({
      code: 'NOT_EDITABLE',
      message: 'Providers come from the providers file in headless mode; edit that file instead.'
    })
    expect(await failureOf(rpc.ai.providers.remove({ providerId: 'alpha' }))).toMatchObject({ code: 'NOT_EDITABLE' })
    expect(await failureOf(rpc.ai.policy.update({ chains: { rewrite: ['rules'] } }))).toMatchObject({ code: 'NOT_EDITABLE' })
    expect((await rpc.ai.policy.get()).chains).toEqual({ rewrite: ['alpha', 'rules'] })
    expect((await rpc.ai.providers.list()).providers.map((p) => p.model)).toEqual(['alpha-model', 'other-model'])
  })
})
