/**
 * Milliseconds since the epoch; injectable so tests can run the policy on simulated time. The
 * router's timers are the global ones, so a test that injects a clock fakes the timers too
 * (vitest fake timers move Date.now and the timers together, which is all the default needs).
 */
export interface Clock {
  now(): number
}

// Read Date.now on each call so fake timers in tests move this clock too.
export const systemClock: Clock = { now: () => Date.now() }
