import { afterEach, describe, expect, it } from 'vitest'
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
async function app(name: string, tag: string) {
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
    discoveryPort: DISCOVERY_PORT,
    broadcastTo: () => ['127.255.255.255']
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
})
