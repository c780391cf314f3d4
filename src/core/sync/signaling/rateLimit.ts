/** A token bucket: `take()` is false once a sender goes over its rate for longer than the burst allows. */
export function tokenBucket(perSecond: number, burst: number, now: () => number = Date.now): { take(): boolean } {
  let tokens = burst
  let last = now()
  return {
    take() {
      const time = now()
      tokens = Math.min(burst, tokens + ((time - last) / 1000) * perSecond)
      last = time
      if (tokens < 1) return false
      tokens -= 1
      return true
    }
  }
}
