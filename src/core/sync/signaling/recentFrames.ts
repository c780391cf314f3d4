import { createHash } from 'node:crypto'

/**
 * The frames seen in the last few seconds, by hash. With three or more cores (or a LAN link and
 * an internet server at once) a publish can reach a core by two paths; y-webrtc takes a second
 * copy of an offer or answer as a new one and the connection never comes up, so each is passed on
 * once. Publishes of a room are encrypted with a fresh IV each, so two equal frames are one message.
 */
export class RecentFrames {
  /** Hash → when seen; a Map keeps insertion order, so the oldest are first. */
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number
  ) {}

  /** True the first time a frame is seen within the window. */
  firstSight(frame: string, now = Date.now()): boolean {
    this.expire(now)
    const key = createHash('sha256').update(frame).digest('base64')
    if (this.seen.has(key)) return false
    this.seen.set(key, now)
    return true
  }

  private expire(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < this.windowMs && this.seen.size < this.maxEntries) return
      this.seen.delete(key)
    }
  }
}
