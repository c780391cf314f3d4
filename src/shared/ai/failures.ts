import { z } from 'zod'

/**
 * Why a provider did not finish an answer. The router's policy is written against these kinds
 * only, never against a provider's own error types.
 */
export const ProviderFailureKindSchema = z.enum([
  /** Connection refused or reset, DNS failure, offline: the breaker opens at once. */
  'network',
  /** No connection within the connect timeout, no first token, a stall between tokens or the total budget ran out. */
  'timeout',
  /** A 5xx or 408 answer. */
  'server',
  /** A 429 answer; `retryAfterMs` says when to try this provider again. Not an outage. */
  'rate-limited',
  /** 401, 403 or 404: the key, the permissions or the model name need fixing. Not an outage. */
  'config',
  /** Any other 4xx: the request itself was refused (too long, bad parameters). */
  'rejected',
  /** The stream could not be parsed. */
  'malformed',
  /** The stream ended without its final event. */
  'cut',
  /** This provider cannot do this task at all (a rule-based action that needs a model). */
  'unsupported',
  /** The caller cancelled. */
  'aborted'
])
export type ProviderFailureKind = z.infer<typeof ProviderFailureKindSchema>
