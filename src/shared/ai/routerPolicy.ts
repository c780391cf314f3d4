import { z } from 'zod'
import type { ProviderFailureKind } from './failures'
import { AiTaskSchema } from './tasks'

/** A provider id from the provider settings, e.g. "openai" or "office-vllm". */
const ProviderIdSchema = z.string().min(1).max(64)

const ProviderChainSchema = z
  .array(ProviderIdSchema)
  .refine((ids) => new Set(ids).size === ids.length, 'A chain names each provider once.')

const milliseconds = z.number().int().positive()

/** How long each part of an attempt may take before the router gives up on that provider. */
const TimeoutsSchema = z.strictObject({
  /** TCP and TLS setup, enforced by the provider's transport. */
  connectMs: milliseconds,
  /** From sending the request to the first text delta (includes connecting). */
  firstTokenMs: milliseconds,
  /** The longest silence between two deltas. */
  stallMs: milliseconds,
  /** One attempt on one provider from start to end; a failover starts a new attempt with its own budget. */
  totalMs: milliseconds
})

/** A 5xx or 408 that arrives this soon, before any text, is retried on the same provider. */
const QuickRetrySchema = z.strictObject({
  withinMs: milliseconds,
  retries: z.number().int().min(0).max(3)
})

const BreakerSchema = z.strictObject({
  /** Consecutive failures of the kinds in BREAKER_COUNTED_FAILURES that open the breaker. */
  failuresToOpen: z.number().int().min(1),
  /** The first open period; each re-open without closing in between doubles it... */
  openMs: milliseconds,
  /** ...up to this. */
  maxOpenMs: milliseconds,
  /** Each open period is scaled by a random factor in [1 - jitter, 1 + jitter] so clients do not probe in step. */
  jitter: z.number().min(0).max(0.5),
  /** Half-open: this many consecutive good probes close the breaker; one failed probe re-opens it. */
  probeSuccessesToClose: z.number().int().min(1),
  /** The whole budget of one probe (a 1-token completion that carries no user text). */
  probeBudgetMs: milliseconds
})

/** A 429 without Retry-After skips the provider this long. */
const RateLimitSchema = z.strictObject({ defaultRetryAfterMs: milliseconds })

const ContinuationSchema = z.strictObject({
  /**
   * A partial answer at least this long (tokens estimated as characters / 4, the same for every
   * provider whatever its delta size) is continued by the next provider; a shorter one is restarted.
   */
  minPartialTokens: z.number().int().min(1)
})

/**
 * A provider is degraded, and tried after the others, when each of its last `recentSamples`
 * first-token latencies exceeds `degradationFactor` times the median of the up to
 * `baselineSamples` before them (once there are at least `minBaselineSamples`). It stays deferred
 * for `holdMs` after its latest sample, then gets traffic again so it can show it has recovered.
 */
const EarlyWarningSchema = z.strictObject({
  degradationFactor: z.number().gt(1),
  /** And slower than the median by at least this much, so jitter on fast (local) servers is not a warning. */
  minSlowdownMs: z.number().int().min(0),
  baselineSamples: z.number().int().min(1).max(1000),
  minBaselineSamples: z.number().int().min(1),
  recentSamples: z.number().int().min(1).max(100),
  holdMs: milliseconds
})

/** How the AI router picks, retries, abandons and returns to providers. */
export const RouterPolicySchema = z
  .strictObject({
    /** Ordered provider ids per task (assistant action or design help): the first usable one answers, the next take over. */
    chains: z.partialRecord(AiTaskSchema, ProviderChainSchema.refine((ids) => ids.length > 0, 'A chain names at least one provider.')),
    /** For actions without a chain. Empty means every configured provider, in the order of the provider settings. */
    defaultChain: ProviderChainSchema,
    timeouts: TimeoutsSchema,
    quickRetry: QuickRetrySchema,
    breaker: BreakerSchema,
    rateLimit: RateLimitSchema,
    continuation: ContinuationSchema,
    earlyWarning: EarlyWarningSchema
  })
  .refine((policy) => policy.timeouts.firstTokenMs <= policy.timeouts.totalMs, 'firstTokenMs cannot exceed totalMs.')
  .refine((policy) => policy.breaker.openMs <= policy.breaker.maxOpenMs, 'openMs cannot exceed maxOpenMs.')
  .refine((policy) => policy.earlyWarning.minBaselineSamples <= policy.earlyWarning.baselineSamples, 'minBaselineSamples cannot exceed baselineSamples.')
export type RouterPolicy = z.infer<typeof RouterPolicySchema>

export const DEFAULT_ROUTER_POLICY: RouterPolicy = {
  chains: {},
  defaultChain: [],
  timeouts: { connectMs: 3000, firstTokenMs: 6000, stallMs: 10_000, totalMs: 120_000 },
  quickRetry: { withinMs: 1000, retries: 1 },
  breaker: { failuresToOpen: 3, openMs: 30_000, maxOpenMs: 300_000, jitter: 0.2, probeSuccessesToClose: 2, probeBudgetMs: 5000 },
  rateLimit: { defaultRetryAfterMs: 30_000 },
  continuation: { minPartialTokens: 40 },
  earlyWarning: { degradationFactor: 3, minSlowdownMs: 500, baselineSamples: 20, minBaselineSamples: 5, recentSamples: 2, holdMs: 60_000 }
}

/** A failure of these kinds opens the breaker at once: the provider cannot be reached at all. */
export const BREAKER_OPENING_FAILURES: readonly ProviderFailureKind[] = ['network']

/**
 * Failures of these kinds count toward `breaker.failuresToOpen`; any success resets the count.
 * The rest ('rate-limited', 'config', 'rejected', 'unsupported', 'aborted') say nothing about an outage.
 */
export const BREAKER_COUNTED_FAILURES: readonly ProviderFailureKind[] = ['timeout', 'server', 'malformed', 'cut']
