import { setTimeout as delay } from 'node:timers/promises'

/** How often a request that failed on the network or with a 5xx is tried again. */
export interface RetryPolicy {
  /** Failed tries in a row (without new bytes arriving) before giving up. */
  attempts: number
  /** The wait before the first retry; it doubles with each further one. */
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 }

/** A failure worth retrying: the connection broke, or the server answered 429 or 5xx. */
export class TransientFailure extends Error {}

/** Waits before retry number `failures` (1 for the first); rejects as soon as the signal aborts. */
export async function waitBeforeRetry(failures: number, policy: RetryPolicy, signal: AbortSignal | undefined): Promise<void> {
  await delay(policy.baseDelayMs * 2 ** (failures - 1), undefined, { signal })
}

/** Whether an HTTP status is worth retrying. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/** A short reason for a failed fetch, for messages ("fetch failed: other side closed"). */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
