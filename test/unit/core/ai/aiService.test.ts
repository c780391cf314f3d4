import Database from 'better-sqlite3'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { AiService, type AiServiceOptions } from '../../../../src/core/ai/aiService'
import { AiStore } from '../../../../src/core/ai/config/aiStore'
import type { AiConfigSource } from '../../../../src/core/ai/config/configSource'
import { fileConfigSource } from '../../../../src/core/ai/config/fileConfigSource'
import type { SecretBox } from '../../../../src/core/ai/config/secretBox'
import { storedConfigSource } from '../../../../src/core/ai/config/storedConfigSource'
import { closeTransports } from '../../../../src/core/ai/http/transport'
import { NoProviderAnsweredError } from '../../../../src/core/ai/router/noAnswer'
import { SettingsStore } from '../../../../src/core/settings/settingsStore'
import { migrate } from '../../../../src/core/storage/migrate'
import { migrations } from '../../../../src/core/storage/migrations'
import type { AssistantRequest } from '../../../../src/shared/ai/actions'
import type { ProviderConfig } from '../../../../src/shared/ai/providerConfig'
import { DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../../src/shared/ai/routerPolicy'
import type { AssistEvent, ProviderHealth } from '../../../../src/shared/contracts/ai'
import { startFakeCloud, type FakeCloud } from '../../../fixtures/fakeCloud'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

const ANSWER =
  'The council approved the new budget late on Tuesday after a long debate about bus routes, school repairs and the cost of clearing snow from the hill roads in winter.'
const STORY =
  'In order to make sure that the council is able to approve the budget, the members of the committee met at this point in time on Tuesday evening in the town hall.'
const REWRITE: AssistantRequest = { action: 'rewrite', text: STORY }
const SHORTEN: AssistantRequest = { action: 'shorten', text: STORY }

const services: AiService[] = []
const clouds: FakeCloud[] = []
const databases: Database.Database[] = []

afterEach(async () => {
  for (const service of services.splice(0)) service.close()
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()))
  for (const db of databases.splice(0)) db.close()
  await closeTransports()
})

async function cloud(options: Parameters<typeof startFakeCloud>[0] = {}): Promise<FakeCloud> {
  const started = await startFakeCloud({ answer: ANSWER, ...options })
  clouds.push(started)
  return started
}

function openai(id: string, label: string, baseUrl: string, extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return { id, label, kind: 'openai-compatible', baseUrl, model: `${id}-model`, ...extra }
}

/** The AI and settings tables of a real workspace database in a temporary folder. */
function workspace(): { ai: AiStore; settings: SettingsStore } {
  const db = new Database(join(tempDir(), 'holdfast.db'))
  databases.push(db)
  migrate(db, migrations)
  return { ai: new AiStore(db), settings: new SettingsStore(db) }
}

function policy(sections: Partial<RouterPolicy> = {}): RouterPolicy {
  return { ...DEFAULT_ROUTER_POLICY, ...sections }
}

interface Harness {
  ai: AiService
  warnings: string[]
}

function service(config: AiConfigSource, stores: ReturnType<typeof workspace> | null, options: Partial<AiServiceOptions> = {}): Harness {
  const warnings: string[] = []
  const ai = new AiService({
    config,
    usage: () => stores?.ai ?? null,
    workspaceLocalOnly: () => stores?.settings.read().aiLocalOnly ?? false,
    trustedCertificates: () => stores?.settings.read().aiTrustedCertificates ?? '',
    log: { warn: (message) => warnings.push(message), error: (message) => warnings.push(message) },
    ...options
  })
  services.push(ai)
  return { ai, warnings }
}

/** Headless-style configuration: the providers file's providers and policy, keys from `env`. */
async function fromFile(providers: ProviderConfig[], stores: ReturnType<typeof workspace> | null, sections: Partial<RouterPolicy> = {}, options: Partial<AiServiceOptions> & { env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  const { env = {}, ...rest } = options
  const harness = service(fileConfigSource({ providers, policy: policy(sections) }, env), stores, rest)
  await harness.ai.reload()
  return harness
}

async function run(ai: AiService, request: AssistantRequest, localOnly = false): Promise<AssistEvent[]> {
  const events: AssistEvent[] = []
  for await (const event of ai.assist(request, localOnly, new AbortController().signal)) events.push(event)
  return events
}

function textOf(events: readonly AssistEvent[]): string {
  return events.map((event) => (event.type === 'token' ? event.text : '')).join('')
}

/** Who finished the answer, as "Answered by …" shows it. */
function answeredBy(events: readonly AssistEvent[]): string | undefined {
  const last = events.at(-1)
  return last?.type === 'done' ? last.label : undefined
}

async function healthChange(ai: AiService, matches: (health: ProviderHealth[]) => boolean, timeoutMs = 3000): Promise<ProviderHealth[]> {
  const signal = AbortSignal.timeout(timeoutMs)
  for await (const health of ai.healthEvents.subscribe('changed', { signal })) if (matches(health)) return health
  throw new Error('the health events ended')
}

const keychain: SecretBox = {
  storage: 'os',
  encrypt: (plain) => Promise.resolve(Uint8Array.from(Buffer.from(plain, 'utf8'), (byte) => byte ^ 0x5a)),
  decrypt: (encrypted) => Promise.resolve(Buffer.from(Uint8Array.from(encrypted, (byte) => byte ^ 0x5a)).toString('utf8'))
}

describe('AiService answers', () => {
  it('streams the first provider’s answer, labelled with its configured name, and lists health in settings order', async () => {
    const alpha = await cloud()
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)], workspace())
    expect(ai.health()).toEqual([
      { providerId: 'alpha', label: 'Alpha Cloud', model: 'alpha-model', state: 'healthy' },
      { providerId: 'rules', label: 'Rule-based help', model: 'rule-based', state: 'local' }
    ])
    const events = await run(ai, REWRITE)
    expect(events[0]).toEqual({ type: 'attempt', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud' })
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud' })
    expect(textOf(events)).toBe(ANSWER)
    // Token events carry only the text; the provider is named by attempt and done.
    expect(events.find((e) => e.type === 'token')).toEqual({ type: 'token', text: expect.any(String) as unknown })
  })

  it('restarts on the next provider, rather than continuing, when the cut answer is too short to keep', async () => {
    const alpha = await cloud()
    const beta = await cloud()
    await alpha.setFault({ type: 'cut', afterTokens: 3 }, { times: 1 })
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl), openai('beta', 'Beta Cloud', beta.openaiBaseUrl)], workspace())
    const events = await run(ai, REWRITE)
    const switchAt = events.findIndex((e) => e.type === 'switch')
    expect(events[switchAt]).toMatchObject({ from: 'Alpha Cloud', to: 'Beta Cloud', reason: 'cut', mode: 'restart' })
    // The UI drops what came before a restart: what follows is the whole answer on its own.
    expect(textOf(events.slice(switchAt))).toBe(ANSWER)
    expect(answeredBy(events)).toBe('Beta Cloud')
    const roles = (beta.requests[0]?.body.messages as { role: string }[]).map((m) => m.role)
    expect(roles).toEqual(['system', 'user'])
  })

  it('counts usage per month: a provider over its cap is skipped until the month changes', async () => {
    let now = Date.UTC(2026, 10, 30, 22, 0)
    const alpha = await cloud()
    const beta = await cloud()
    const stores = workspace()
    const { ai } = await fromFile(
      [openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl, { monthlyTokenCap: 60 }), openai('beta', 'Beta Cloud', beta.openaiBaseUrl)],
      stores,
      {},
      { now: () => now }
    )
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
    const [november] = ai.usage()
    expect(november).toMatchObject({ providerId: 'alpha', month: '2026-11', cap: 60 })
    expect(november!.inputTokens + november!.outputTokens).toBeGreaterThanOrEqual(60)

    const capped = await run(ai, REWRITE)
    expect(answeredBy(capped)).toBe('Beta Cloud')
    expect(capped.map((e) => e.type)).not.toContain('switch')
    expect(alpha.requests).toHaveLength(1)

    now = Date.UTC(2026, 11, 1, 0, 5)
    expect(ai.usage()[0]).toEqual({ providerId: 'alpha', month: '2026-12', inputTokens: 0, outputTokens: 0, cap: 60 })
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
    expect(stores.ai.usage('2026-11').find((u) => u.providerId === 'alpha')).toMatchObject({
      inputTokens: november!.inputTokens,
      outputTokens: november!.outputTokens
    })
  })

  it('reads the workspace “Never send to cloud” setting at every request', async () => {
    const alpha = await cloud()
    const stores = workspace()
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)], stores)
    stores.settings.update({ aiLocalOnly: true })
    const local = await run(ai, SHORTEN)
    expect(answeredBy(local)).toBe('Rule-based help')
    expect(textOf(local).length).toBeLessThan(STORY.length)
    const refused = await run(ai, REWRITE).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(NoProviderAnsweredError)
    expect((refused as Error).message).toContain('Alpha Cloud is a cloud service and this request is local-only')
    expect(alpha.connections).toBe(0)
    stores.settings.update({ aiLocalOnly: false })
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
  })

  it('still answers without the workspace database, counting nothing', async () => {
    const alpha = await cloud()
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl, { monthlyTokenCap: 1 })], null)
    expect(textOf(await run(ai, REWRITE))).toBe(ANSWER)
    expect(ai.usage()).toEqual([{ providerId: 'alpha', month: new Date().toISOString().slice(0, 7), inputTokens: 0, outputTokens: 0, cap: 1 }])
  })
})

describe('AiService provider settings', () => {
  it('applies saved providers and chains to the next request, and forgets removed ones', async () => {
    const alpha = await cloud({ apiKey: 'sk-alpha' })
    const beta = await cloud({ apiKey: 'sk-beta' })
    const stores = workspace()
    const { ai } = service(storedConfigSource({ stores: () => stores, secrets: keychain }), stores)
    await ai.reload()
    expect(ai.providerList()).toEqual({ providers: [], editable: true, keyStorage: 'os' })

    await ai.saveProvider(openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl), 'sk-alpha')
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
    const list = await ai.saveProvider(openai('beta', 'Beta Cloud', beta.openaiBaseUrl), 'sk-beta')
    expect(list.providers.map((p) => [p.id, p.hasKey])).toEqual([
      ['alpha', true],
      ['beta', true]
    ])
    expect(ai.setChains({ rewrite: ['beta', 'alpha'] }).chains).toEqual({ rewrite: ['beta', 'alpha'] })
    expect(answeredBy(await run(ai, REWRITE))).toBe('Beta Cloud')

    expect(await ai.removeProvider('nobody')).toBeNull()
    expect((await ai.removeProvider('beta'))?.providers.map((p) => p.id)).toEqual(['alpha'])
    expect(ai.health().map((h) => h.providerId)).toEqual(['alpha', 'rules'])
    expect(ai.usage().map((u) => u.providerId)).toEqual(['alpha'])
    // The chain still names beta: it is passed over as not configured and alpha answers.
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
    expect(beta.requests).toHaveLength(1)
  })

  it('a provider fixed in Settings is used at once, not held down by the outage of its old address', async () => {
    const alpha = await cloud({ apiKey: 'sk-alpha' })
    const stores = workspace()
    const { ai } = service(storedConfigSource({ stores: () => stores, secrets: keychain }), stores)
    await ai.saveProvider(openai('alpha', 'Alpha Cloud', 'http://127.0.0.1:9/v1'), 'sk-alpha')
    expect(answeredBy(await run(ai, SHORTEN))).toBe('Rule-based help')
    expect(ai.health()[0]?.state).toBe('down')

    await ai.saveProvider(openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl), undefined)
    expect(ai.health()[0]?.state).toBe('healthy')
    expect(answeredBy(await run(ai, SHORTEN))).toBe('Alpha Cloud')
  })

  it('keeps a provider whose key cannot be unsealed, warns, and goes on to the next provider', async () => {
    const alpha = await cloud({ apiKey: 'sk-alpha' })
    const stores = workspace()
    const locked: SecretBox = { ...keychain, decrypt: () => Promise.reject(new Error('the keychain is locked')) }
    const { ai, warnings } = service(storedConfigSource({ stores: () => stores, secrets: locked }), stores)
    await ai.saveProvider(openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl), 'sk-alpha')
    expect(warnings).toEqual(['The API key of Alpha Cloud could not be read: the keychain is locked'])
    expect(ai.providerList().providers[0]).toMatchObject({ id: 'alpha', hasKey: true })
    const events = await run(ai, SHORTEN)
    expect(events).toContainEqual({ type: 'notice', providerId: 'alpha', message: expect.stringMatching(/API key for Alpha Cloud was refused/) as unknown })
    expect(answeredBy(events)).toBe('Rule-based help')
  })

  it('test() checks one provider and says what to fix', async () => {
    const alpha = await cloud({ apiKey: 'sk-alpha' })
    const gone = await cloud()
    await gone.setFault({ type: 'refuse' })
    const { ai } = await fromFile(
      [
        openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl, { apiKeyEnv: 'ALPHA_KEY' }),
        openai('wrong', 'Wrong Key', alpha.openaiBaseUrl, { apiKeyEnv: 'WRONG_KEY' }),
        openai('gone', 'Gone Cloud', gone.openaiBaseUrl)
      ],
      workspace(),
      { timeouts: { connectMs: 300, firstTokenMs: 300, stallMs: 300, totalMs: 5000 } },
      { env: { ALPHA_KEY: 'sk-alpha', WRONG_KEY: 'sk-wrong' } }
    )
    const ok = await ai.test('alpha')
    expect(ok).toEqual({ ok: true, message: 'Alpha Cloud answered.', firstTokenMs: expect.any(Number) as unknown })
    // A probe: one token, none of the user's text.
    expect(alpha.requests[0]?.body).toMatchObject({ max_tokens: 1, messages: [{ role: 'user', content: 'Reply with the single word OK.' }] })
    expect(await ai.test('wrong')).toEqual({ ok: false, message: 'The API key for Wrong Key was refused. Check it in Settings → AI providers.' })
    expect(await ai.test('gone')).toEqual({ ok: false, message: `Could not reach Gone Cloud at ${gone.openaiBaseUrl} (ECONNREFUSED).` })
    expect(await ai.test('nobody')).toEqual({ ok: false, message: 'That provider is not configured.' })

    await alpha.setFault({ type: 'hang-before-headers' })
    const started = performance.now()
    expect(await ai.test('alpha')).toEqual({ ok: false, message: 'The answer took longer than 0.3 s.' })
    expect(performance.now() - started).toBeLessThan(2000)
    // The settings test does not count against the chain: alpha is still healthy.
    expect(ai.health()[0]?.state).toBe('healthy')
  })
})

describe('AiService health', () => {
  const FAST_BREAKER = { failuresToOpen: 1, openMs: 150, maxOpenMs: 150, jitter: 0, probeSuccessesToClose: 1, probeBudgetMs: 1000 }

  it('marks a refused provider down, probes it in the background, and uses it again once it answers', async () => {
    const alpha = await cloud()
    await alpha.setFault({ type: 'refuse' })
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)], workspace(), { breaker: FAST_BREAKER })
    const wentDown = healthChange(ai, (health) => health[0]?.state === 'down')
    expect(answeredBy(await run(ai, SHORTEN))).toBe('Rule-based help')
    const down = (await wentDown)[0]!
    expect(down).toMatchObject({ providerId: 'alpha', label: 'Alpha Cloud', state: 'down', lastFailure: expect.stringMatching(/ECONNREFUSED/) as unknown })
    expect(down.downSince).toBeLessThanOrEqual(Date.now())

    const recovered = healthChange(ai, (health) => health[0]?.state === 'healthy')
    await alpha.setFault({ type: 'none' })
    await recovered
    // The probe carried no user text.
    expect(JSON.stringify(alpha.requests.map((r) => r.body))).not.toContain('council')
    expect(answeredBy(await run(ai, REWRITE))).toBe('Alpha Cloud')
  })

  it('stops probing once closed', async () => {
    const alpha = await cloud()
    await alpha.setFault({ type: 'refuse' })
    const { ai } = await fromFile([openai('alpha', 'Alpha Cloud', alpha.openaiBaseUrl)], workspace(), { breaker: FAST_BREAKER })
    await run(ai, SHORTEN)
    expect(ai.health()[0]?.state).toBe('down')
    ai.close()
    await alpha.setFault({ type: 'none' })
    await sleep(400)
    expect(alpha.requests).toHaveLength(0)
  })
})
