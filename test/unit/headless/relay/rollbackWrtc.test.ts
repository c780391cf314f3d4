import wrtc from '@roamhq/wrtc'
import { describe, expect, it } from 'vitest'
import { rollbackWrtc } from '../../../../src/headless/relay/rollbackWrtc'
import { receiveOnEveryChannel } from '../../../../src/renderer/src/lib/sync/glareChannels'
// The simple-peer that y-webrtc runs on (no types of its own).
// @ts-expect-error -- untyped CommonJS module
import SimplePeer from 'simple-peer'

interface Peer {
  on(event: 'signal', listener: (signal: { type?: string }) => void): void
  on(event: 'connect' | 'close', listener: () => void): void
  on(event: 'data', listener: (data: Uint8Array) => void): void
  on(event: 'error', listener: (error: Error) => void): void
  signal(signal: unknown): void
  send(data: Uint8Array): void
  destroy(): void
}
const Peer = SimplePeer as new (options: Record<string, unknown>) => Peer

/**
 * Glare as y-webrtc settles it: both peers heard the other's announcement and sent an offer; the
 * one with the larger token drops the other's offer, the other takes it on its own connection
 * (which has an offer of its own out). Resolves with what each side received once connected.
 */
async function glare(webrtc: unknown, readBothChannels = true): Promise<{ connected: boolean; error?: string }> {
  const a = new Peer({ initiator: true, wrtc: webrtc, config: { iceServers: [] } })
  const b = new Peer({ initiator: true, wrtc: webrtc, config: { iceServers: [] } })
  if (readBothChannels) for (const peer of [a, b]) receiveOnEveryChannel(peer as unknown as Parameters<typeof receiveOnEveryChannel>[0])
  // The offers cross on the network: A's reaches B once B's own is out (set and sent).
  let bSentOffer = false
  const toB: unknown[] = []
  a.on('signal', (signal) => (bSentOffer ? b.signal(signal) : toB.push(signal)))
  // B's own offer is the one A rejects; everything after it (its answer, candidates) goes through.
  b.on('signal', (signal) => {
    if (signal.type === 'offer' && !bSentOffer) {
      bSentOffer = true
      for (const held of toB.splice(0)) b.signal(held)
      return
    }
    a.signal(signal)
  })
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ connected: false }), 4000)
      const fail = (error: Error): void => {
        clearTimeout(timer)
        resolve({ connected: false, error: error.message })
      }
      a.on('error', fail)
      b.on('error', fail)
      let received = 0
      const got = (): void => {
        if (++received < 2) return
        clearTimeout(timer)
        resolve({ connected: true })
      }
      a.on('data', got)
      b.on('data', got)
      a.on('connect', () => a.send(new TextEncoder().encode('from a')))
      b.on('connect', () => b.send(new TextEncoder().encode('from b')))
    })
  } finally {
    a.destroy()
    b.destroy()
  }
}

describe('WebRTC for the relay', () => {
  it('settles glare: the peer whose offer was dropped takes the other offer, and data flows both ways', async () => {
    expect(await glare(rollbackWrtc)).toEqual({ connected: true })
  }, 20_000)

  it('needs both channels read: after glare each side sends on the channel it opened', async () => {
    expect(await glare(rollbackWrtc, false)).toEqual({ connected: false })
  }, 20_000)

  it('is needed: plain @roamhq/wrtc refuses an offer while its own is out', async () => {
    const plain = await glare(wrtc)
    expect(plain.connected).toBe(false)
    expect(plain.error).toMatch(/have-local-offer/)
  }, 20_000)
})
