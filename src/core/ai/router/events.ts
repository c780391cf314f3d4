import type { ProviderFailureKind } from '../../../shared/ai/failures'

/**
 * Why a provider in the chain was passed over without a request:
 * - 'breaker-open': it is down and being probed in the background;
 * - 'rate-limited': it answered 429 and its Retry-After has not passed;
 * - 'degraded': its first tokens are much slower than usual, so it is deferred to the end of the
 *   chain (it is still tried, after the others, if they all fail);
 * - 'not-allowed': a cloud provider on a local-only request, or the isAllowed hook refused it;
 * - 'config': the chain names a provider that is not configured.
 */
export type SkipReason = 'breaker-open' | 'rate-limited' | 'degraded' | 'not-allowed' | 'config'

/**
 * What a run reports, in order. The answer is the concatenation of the 'token' texts since the
 * run began or since the last 'switch' with mode 'restart' (which tells the UI to clear its preview);
 * a 'switch' with mode 'continue' marks the seam where the next provider picks up the text.
 */
export type RouterEvent =
  | { type: 'attempt'; providerId: string; model: string }
  | { type: 'token'; text: string; providerId: string; model: string }
  | { type: 'switch'; from: string; to: string; reason: ProviderFailureKind; message: string; mode: 'continue' | 'restart' }
  | { type: 'skip'; providerId: string; reason: SkipReason }
  /** 401, 403 or 404: the provider's own words on what to fix (key, permissions, model name). */
  | { type: 'notice'; providerId: string; kind: 'config'; message: string }
  | { type: 'done'; providerId: string; model: string }
