import { afterEach, describe, expect, it } from 'vitest'
import { startLanSignalingServer } from '../../../../src/core/sync/signaling/lanSignalingServer'
import { SignalingHub } from '../../../../src/core/sync/signaling/signalingHub'
import { TeamNetwork } from '../../../../src/core/sync/teamNetwork'
import { silentLog } from '../../../support/inProcessCore'

const networks: TeamNetwork[] = []
afterEach(async () => {
  for (const network of networks.splice(0)) await network.stop()
})

/** A discovery port of this test run's own, so parallel runs do not hear each other. */
const DISCOVERY_PORT = 42_000 + Math.floor(Math.random() * 2000)

/** One app: a hub with a page's socket on it (subscribed and announced, as y-webrtc does on joining), and the LAN side on loopback. */
async function app(name: string, tag: string, signalingServers: string[] = [], discoveryPort = DISCOVERY_PORT) {
  const hub = new SignalingHub(silentLog)
  const received: unknown[] = []
  const page = hub.connect({ send: (text) => received.push(JSON.parse(text)), close: () => undefined }, 'local')
  page.receive(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
  page.receive(JSON.stringify({ type: 'publish', topic: 'room', data: `${name} is here` }))
  const network = await TeamNetwork.start({
    hub,
    log: silentLog,
    discoveryTag: tag,
    lanHost: '127.0.0.1',
    discoveryPort,
    broadcastTo: () => ['127.255.255.255'],
    signalingServers
  })
  networks.push(network)
  return { network, received, publish: (data: string) => page.receive(JSON.stringify({ type: 'publish', topic: 'room', data })) }
}

const got = (list: unknown[], data: string) => list.some((m) => (m as { data?: unknown }).data === data)

describe('team network', () => {
  it('finds the apps of the same team on the LAN and carries their pages’ signaling both ways, once', async () => {
    const a = await app('a', 'a1'.repeat(16))
    const b = await app('b', 'a1'.repeat(16))
    const stranger = await app('stranger', 'ff'.repeat(16))
    await expect.poll(() => [a.network.lanPeers, b.network.lanPeers], { timeout: 8000 }).toEqual([1, 1])
    expect(stranger.network.lanPeers).toBe(0)
    // The announcement made before the link existed reaches the other side once linked (the side that opened the link replays its own).
    await expect.poll(() => got(b.received, 'a is here') || got(a.received, 'b is here'), { timeout: 8000 }).toBe(true)

    await expect
      .poll(
        () => {
          a.publish('from a')
          b.publish('from b')
          return got(b.received, 'from a') && got(a.received, 'from b')
        },
        { timeout: 8000 }
      )
      .toBe(true)
    expect(stranger.received).toEqual([])
    // Each publish arrives once: there is one link between two apps.
    const onces = () => b.received.filter((m) => (m as { data?: unknown }).data === 'once').length
    a.publish('once')
    await expect.poll(onces, { timeout: 2000 }).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(onces()).toBe(1)
  })

  it('reaches teammates the LAN cannot through a signaling server the team configured', async () => {
    // A y-webrtc-compatible server elsewhere (here: one more hub's server on loopback).
    const elsewhere = await startLanSignalingServer(new SignalingHub(silentLog), 0, '127.0.0.1')
    try {
      const url = `ws://127.0.0.1:${elsewhere.port}`
      // Different discovery ports: the two apps never hear each other on the LAN.
      const a = await app('a', 'b2'.repeat(16), [url], DISCOVERY_PORT + 2001)
      const b = await app('b', 'b2'.repeat(16), [url], DISCOVERY_PORT + 2002)
      await expect.poll(() => [a.network.signalingLinks, b.network.signalingLinks], { timeout: 8000 }).toEqual([
        [{ url, connected: true }],
        [{ url, connected: true }]
      ])
      expect([a.network.lanPeers, b.network.lanPeers]).toEqual([0, 0])
      await expect
        .poll(
          () => {
            a.publish('over the server')
            return got(b.received, 'over the server')
          },
          { timeout: 8000 }
        )
        .toBe(true)
    } finally {
      await elsewhere.close()
    }
  })
})
