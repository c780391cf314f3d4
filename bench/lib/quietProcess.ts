import { setTimeout as sleep } from 'node:timers/promises'

const WINDOW_MS = 250
/** Busy below this share of one core counts as quiet. */
const QUIET_SHARE = 0.1
const MAX_WAIT_MS = 15_000

/**
 * Waits until this process (every thread: a core just started compiles its modules, opens its
 * database and starts its maintenance worker) stays under a tenth of a core for a quarter of a
 * second, so a timed run measures the work, not start-up still going on beside it.
 */
export async function untilProcessQuiet(): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS
  while (Date.now() < deadline) {
    const before = process.cpuUsage()
    await sleep(WINDOW_MS)
    const used = process.cpuUsage(before)
    if ((used.user + used.system) / 1000 < WINDOW_MS * QUIET_SHARE) return
  }
  console.warn(`The process was still busy after ${MAX_WAIT_MS / 1000} s; timing anyway.`)
}
