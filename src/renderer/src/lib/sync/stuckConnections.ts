import type { WebrtcProvider } from 'y-webrtc'

/** A connection to a peer that has not opened in this long will not: WebRTC on a LAN opens in well under a second. */
export const STUCK_AFTER_MS = 15_000
const CHECK_EVERY_MS = 5000

interface PeerConnection {
  connected: boolean
  destroy(): void
}

/**
 * Closes the provider's connections that never opened. y-webrtc keeps a connection whose offer or
 * answer went astray (a peer whose room closed meanwhile, offers crossing when peers join at
 * once) for good: the pair never meets in that room, and a teammate's draft stays "Syncing…".
 * Closing one makes y-webrtc announce again, so the pair starts afresh. Returns the stop.
 */
export function dropStuckConnections(provider: WebrtcProvider, now: () => number = Date.now): () => void {
  const firstSeen = new WeakMap<object, number>()
  const timer = setInterval(() => {
    const conns = provider.room?.webrtcConns.values() as Iterable<PeerConnection> | undefined
    for (const conn of conns ?? []) {
      if (conn.connected) continue
      const seen = firstSeen.get(conn)
      if (seen === undefined) firstSeen.set(conn, now())
      else if (now() - seen >= STUCK_AFTER_MS) conn.destroy()
    }
  }, CHECK_EVERY_MS)
  return () => clearInterval(timer)
}
