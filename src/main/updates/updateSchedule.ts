/** Automatic checks are at least this far apart, restarts included. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000
/** A due check that could not run (offline, the AI generating, an update under way) is tried again after this. */
export const RETRY_AFTER_MS = 5 * 60_000

export interface ScheduleInput {
  now: number
  /** When the last check ran, null if none ever has. */
  lastCheckAt: number | null
  /** The user's "Check for updates automatically". */
  automatic: boolean
  online: boolean
  /** The AI is generating an answer. */
  generating: boolean
  /** A check or download is under way, or an update waits to be installed. */
  updating: boolean
}

type ScheduleDecision =
  | { check: true }
  | { check: false; why: 'off' }
  | { check: false; why: 'not-due' | 'offline' | 'generating' | 'updating'; retryAt: number }

/** Whether an automatic update check may start now, and if not, when to ask again. */
export function decideCheck(input: ScheduleInput): ScheduleDecision {
  const { now, lastCheckAt } = input
  if (!input.automatic) return { check: false, why: 'off' }
  // A last check "in the future" means the clock was set back: waiting for it could take forever.
  const dueAt = lastCheckAt === null || lastCheckAt > now ? now : lastCheckAt + CHECK_INTERVAL_MS
  if (now < dueAt) return { check: false, why: 'not-due', retryAt: dueAt }
  const retryAt = now + RETRY_AFTER_MS
  if (!input.online) return { check: false, why: 'offline', retryAt }
  if (input.generating) return { check: false, why: 'generating', retryAt }
  if (input.updating) return { check: false, why: 'updating', retryAt }
  return { check: true }
}
