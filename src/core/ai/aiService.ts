import { EventPublisher } from '@orpc/server'
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { AssistantRequest } from '../../shared/ai/actions'
import { LOCAL_PROVIDER_ID, RULES_PROVIDER_ID, type ProviderConfig } from '../../shared/ai/providerConfig'
import type { RouterPolicy } from '../../shared/ai/routerPolicy'
import type { AiTask } from '../../shared/ai/tasks'
import type { AssistEvent, ProviderHealth, ProviderListSchema } from '../../shared/contracts/ai'
import type { Logger } from '../logger'
import { monthOf, type AiStore } from './config/aiStore'
import type { AiConfigSource } from './config/configSource'
import { GenerationTracker } from './generationTracker'
import { completionFor } from './prompts'
import type { CompletionRequest, Provider } from './provider'
import { AnthropicProvider } from './providers/anthropic'
import { OpenAICompatibleProvider } from './providers/openaiCompatible'
import { systemClock } from './router/clock'
import { probeProvider } from './router/prober'
import { AiRouter } from './router/router'
import type { ProviderHealth as RouterHealth } from './router/health'
import { RulesProvider } from './rules/rulesProvider'

type ProviderList = z.infer<typeof ProviderListSchema>

const RULES_LABEL = 'Rule-based help'
const LOCAL_LABEL = 'Local model'

export interface AiServiceOptions {
  config: AiConfigSource
  /** Token use is recorded here while the workspace database is open. */
  usage: () => AiStore | null
  /** The workspace-wide "Never send to cloud" setting. */
  workspaceLocalOnly: () => boolean
  /** Extra trusted CA certificates (PEM) for the cloud providers' connections. */
  trustedCertificates: () => string
  log: Logger
  now?: () => number
  /** The local model's provider when one is installed, asked at each reload; it goes between the clouds and the rules. */
  localProvider?: () => Provider | undefined
}

/** The writing assistant: configured providers behind the router, with usage caps and privacy switches. */
export class AiService {
  readonly healthEvents = new EventPublisher<{ changed: ProviderHealth[] }>()
  /** Whether an answer is being generated now (the app's updater waits for it). */
  readonly generation = new GenerationTracker()
  private providers: Provider[] = [new RulesProvider()]
  private configs = new Map<string, ProviderConfig>()
  /** What each cloud provider was built from (its key only as a hash), to notice when its settings change. */
  private fingerprints = new Map<string, string>()
  private readonly router: AiRouter
  private readonly now: () => number
  private reloading: Promise<void> = Promise.resolve()

  constructor(private readonly options: AiServiceOptions) {
    this.now = options.now ?? Date.now
    this.router = new AiRouter({
      providers: () => this.providers,
      policy: () => options.config.policy(),
      isAllowed: (provider) => !this.overCap(provider.id),
      label: (providerId) => this.label(providerId),
      onUsage: (providerId, usage) => options.usage()?.addUsage(providerId, this.now(), usage.inputTokens, usage.outputTokens),
      log: options.log
    })
    this.router.subscribe(() => this.healthEvents.publish('changed', this.health()))
  }

  /** Rebuilds the providers from the configuration (after a change, or when the workspace database opens). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      const clouds: Provider[] = []
      const configs = new Map<string, ProviderConfig>()
      const fingerprints = new Map<string, string>()
      for (const { config } of this.options.config.list()) {
        configs.set(config.id, config)
        let apiKey: string | undefined
        try {
          apiKey = await this.options.config.apiKey(config)
        } catch (error) {
          this.options.log.warn(`The API key of ${config.label} could not be read: ${error instanceof Error ? error.message : String(error)}`)
        }
        const pem = this.options.trustedCertificates().trim()
        const network = pem ? { extraCaCertificates: [pem] } : undefined
        const settings = { id: config.id, label: config.label, baseUrl: config.baseUrl, model: config.model, vision: config.vision, apiKey, network }
        clouds.push(config.kind === 'anthropic' ? new AnthropicProvider(settings) : new OpenAICompatibleProvider(settings))
        const fingerprint = createHash('sha256').update(JSON.stringify([config, pem, apiKey ?? ''])).digest('hex')
        fingerprints.set(config.id, fingerprint)
        // A provider whose address, key, model or certificates changed starts with a clean slate.
        const before = this.fingerprints.get(config.id)
        if (before !== undefined && before !== fingerprint) this.router.reset(config.id)
      }
      this.configs = configs
      this.fingerprints = fingerprints
      const local = this.options.localProvider?.()
      local?.warmUp?.()
      this.providers = [...clouds, ...(local ? [local] : []), new RulesProvider()]
      this.healthEvents.publish('changed', this.health())
    })
    return this.reloading
  }

  /** Streams an answer; the router moves along the chain on failures and marks seams. */
  async *assist(request: AssistantRequest, localOnly: boolean, signal: AbortSignal): AsyncGenerator<AssistEvent> {
    yield* this.run(request.action, completionFor(request), localOnly, signal)
  }

  /** Streams the answer to any task's completion request (design help builds its own) through the task's chain. */
  async *run(task: AiTask, completion: CompletionRequest, localOnly: boolean, signal: AbortSignal): AsyncGenerator<AssistEvent> {
    const generated = this.generation.begin()
    try {
      yield* this.routed(task, completion, localOnly, signal)
    } finally {
      generated()
    }
  }

  private async *routed(task: AiTask, completion: CompletionRequest, localOnly: boolean, signal: AbortSignal): AsyncGenerator<AssistEvent> {
    await this.reloading
    const everythingLocal = localOnly || this.options.workspaceLocalOnly()
    for await (const event of this.router.run(task, completion, { signal, localOnly: everythingLocal })) {
      switch (event.type) {
        case 'attempt':
        case 'done':
          yield { type: event.type, providerId: event.providerId, model: event.model, label: this.label(event.providerId) }
          break
        case 'token':
          yield { type: 'token', text: event.text }
          break
        case 'switch':
          yield { ...event, from: this.label(event.from), to: this.label(event.to) }
          break
        case 'notice':
          yield { type: 'notice', providerId: event.providerId, message: event.message }
          break
        case 'skip':
          break
      }
    }
  }

  /**
   * Who may be shown an image for this request: the cloud providers set up as vision models, or
   * none when the request (or the whole workspace) must stay on this computer.
   */
  async imageReaders(localOnly: boolean): Promise<{ localOnly: boolean; providers: { id: string; label: string }[] }> {
    await this.reloading
    const everythingLocal = localOnly || this.options.workspaceLocalOnly()
    const providers = everythingLocal ? [] : [...this.configs.values()].filter((config) => config.vision === true).map(({ id, label }) => ({ id, label }))
    return { localOnly: everythingLocal, providers }
  }

  /** A 1-token completion through one provider, bypassing the chain, to check its settings. */
  async test(providerId: string): Promise<{ ok: boolean; message: string; firstTokenMs?: number }> {
    await this.reloading
    const provider = this.providers.find((p) => p.id === providerId)
    if (!provider) return { ok: false, message: 'That provider is not configured.' }
    // The router's own health probe (1 token, no user text), with the first-token timeout as its budget.
    const { timeouts } = this.options.config.policy()
    const started = this.now()
    const failure = await probeProvider(provider, { signal: new AbortController().signal, budgetMs: timeouts.firstTokenMs, connectMs: timeouts.connectMs, clock: systemClock })
    if (failure) return { ok: false, message: failure.message }
    return { ok: true, message: `${this.label(providerId)} answered.`, firstTokenMs: this.now() - started }
  }

  providerList(): ProviderList {
    return {
      providers: this.options.config.list().map(({ config, hasKey }) => ({ ...config, hasKey })),
      editable: this.options.config.editable,
      keyStorage: this.options.config.keyStorage
    }
  }

  async saveProvider(config: ProviderConfig, apiKey: string | undefined): Promise<ProviderList> {
    await this.options.config.save(config, apiKey)
    await this.reload()
    return this.providerList()
  }

  /** Null when there was no such provider. */
  async removeProvider(providerId: string): Promise<ProviderList | null> {
    if (!this.options.config.remove(providerId)) return null
    await this.reload()
    return this.providerList()
  }

  policy(): RouterPolicy {
    return this.options.config.policy()
  }

  setChains(chains: RouterPolicy['chains']): RouterPolicy {
    return this.options.config.setChains(chains)
  }

  health(): ProviderHealth[] {
    return this.router.health().map((health: RouterHealth) => ({
      providerId: health.providerId,
      label: this.label(health.providerId),
      model: health.model,
      state: health.state,
      downSince: health.downSince,
      lastFailure: health.lastFailure?.message
    }))
  }

  usage(): { providerId: string; month: string; inputTokens: number; outputTokens: number; cap?: number }[] {
    const month = monthOf(this.now())
    const used = new Map((this.options.usage()?.usage(month) ?? []).map((u) => [u.providerId, u]))
    return [...this.configs.values()].map((config) => ({
      providerId: config.id,
      month,
      inputTokens: used.get(config.id)?.inputTokens ?? 0,
      outputTokens: used.get(config.id)?.outputTokens ?? 0,
      cap: config.monthlyTokenCap
    }))
  }

  close(): void {
    this.router.close()
  }

  private label(providerId: string): string {
    if (providerId === RULES_PROVIDER_ID) return RULES_LABEL
    if (providerId === LOCAL_PROVIDER_ID) return LOCAL_LABEL
    return this.configs.get(providerId)?.label ?? providerId
  }

  private overCap(providerId: string): boolean {
    const cap = this.configs.get(providerId)?.monthlyTokenCap
    if (cap === undefined) return false
    const used = this.options.usage()?.usage(monthOf(this.now())).find((u) => u.providerId === providerId)
    return used !== undefined && used.inputTokens + used.outputTokens >= cap
  }
}
