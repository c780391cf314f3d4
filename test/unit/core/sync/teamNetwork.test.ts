import { createSocket } from 'node:dgram'
import makeMdns from 'multicast-dns'
import { afterEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../../../src/core/logger'
import { startLanSignalingServer } from '../../../../src/core/sync/signaling/lanSignalingServer'
import { SignalingHub } from '../../../../src/core/sync/signaling/signalingHub'
import { TeamNetwork } from '../../../../src/core/sync/teamNetwork'
import { silentLog } from '../../../support/inProcessCore'
import { outsideNamespace } from '../../../support/loopbackNamespace'

const networks: TeamNetwork[] = []
afterEach(async () => {
  for (const network of networks.splice(0)) await network.stop()
})

/** A discovery port of this test run's own, so parallel runs do not hear each other. */
const DISCOVERY_PORT = 42_000 + Math.floor(Math.random() * 2000)
/** The same for mDNS, away from any system responder on 5353. */
const MDNS_PORT = 55_000 + Math.floor(Math.random() * 5000)

const NO_NAMESPACE = outsideNamespace('Team network tests over mDNS', 'mDNS multicast tests')

interface AppOptions {
  signalingServers?: string[]
  discoveryPort?: number
  /** mDNS on this port; without it only the broadcast finds teammates. */
  mdnsPort?: number
  log?: Logger
}

/** One app: a hub with a page's socket on it (subscribed and announced, as y-webrtc does on joining), and the LAN side on loopback. */
async function app(name: string, tag: string, { signalingServers = [], discoveryPort = DISCOVERY_PORT, mdnsPort, log = silentLog }: AppOptions = {}) {
  const hub = new SignalingHub(silentLog)
  const received: unknown[] = []
  const page = hub.connect({ send: (text) => received.push(JSON.parse(text)), close: () => undefined }, 'local')
  page.receive(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
  page.receive(JSON.stringify({ type: 'publish', topic: 'room', data: `${name} is here` }))
  const network = await TeamNetwork.start({
    hub,
    log,
    discoveryTag: tag,
    lanHost: '127.0.0.1',
    discoveryPort,
    broadcastTo: () => ['127.255.255.255'],
    mdns: mdnsPort !== undefined,
    mdnsPort,
    signalingServers
  })
  networks.push(network)
  return { network, received, publish: (data: string) => page.receive(JSON.stringify({ type: 'publish', topic: 'room', data })) }
}

type App = Awaited<ReturnType<typeof app>>

const count = (list: unknown[], data: string) => list.filter((m) => (m as { data?: unknown }).data === data).length
const got = (list: unknown[], data: string) => count(list, data) > 0

/** Publishes from the sender until every receiver has it: links come up in their own time. */
async function publishUntilReceived(sender: App, receivers: App[], data: string): Promise<void> {
  await expect.poll(() => (sender.publish(data), receivers.every((x) => got(x.received, data))), { timeout: 8000 }).toBe(true)
}

/**
 * Publishes once (over links known to be up) and waits until each receiver has it exactly once;
 * returns how many times each has it, to check again later that no second copy came.
 */
async function publishCounted(sender: App, receivers: App[], data: string): Promise<() => number[]> {
  const counts = () => receivers.map((x) => count(x.received, data))
  sender.publish(data)
  await expect.poll(counts, { timeout: 2000 }).toEqual(receivers.map(() => 1))
  return counts
}

describe('team network', () => {
  it('finds the apps of the same team on the LAN and carries their pages’ signaling both ways, once', async () => {
    const a = await app('a', 'a1'.repeat(16))
    const b = await app('b', 'a1'.repeat(16))
    const stranger = await app('stranger', 'ff'.repeat(16))
    await expect.poll(() => [a.network.lanPeers, b.network.lanPeers], { timeout: 8000 }).toEqual([1, 1])
    expect(stranger.network.lanPeers).toBe(0)
    // The announcement made before the link existed reaches the other side once linked (the side that opened the link replays its own).
    await expect.poll(() => got(b.received, 'a is here') || got(a.received, 'b is here'), { timeout: 8000 }).toBe(true)

    await publishUntilReceived(a, [b], 'from a')
    await publishUntilReceived(b, [a], 'from b')
    expect(stranger.received).toEqual([])
    // Each publish arrives once: there is one link between two apps.
    const onces = await publishCounted(a, [b], 'once')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(onces()).toEqual([1])
  })

  it('with three apps (each pair linked once, so a message can reach an app by two paths) passes each publish on once', async () => {
    const tag = 'c3'.repeat(16)
    const apps = [await app('a', tag), await app('b', tag), await app('c', tag)]
    await expect.poll(() => apps.map((x) => x.network.lanPeers), { timeout: 8000 }).toEqual([2, 2, 2])
    // Publish from each until every other app has it (links come up in their own time), then once more, counted.
    const counted: (() => number[])[] = []
    for (const [i, sender] of apps.entries()) {
      const others = apps.filter((_, j) => j !== i)
      await publishUntilReceived(sender, others, `warm ${i}`)
      counted.push(await publishCounted(sender, others, `counted ${i}`))
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const counts of counted) expect(counts()).toEqual([1, 1])
  })

  it('reaches teammates the LAN cannot through a signaling server the team configured', async () => {
    // A y-webrtc-compatible server elsewhere (here: one more hub's server on loopback).
    const elsewhere = await startLanSignalingServer(new SignalingHub(silentLog), 0, '127.0.0.1')
    try {
      const url = `ws://127.0.0.1:${elsewhere.port}`
      // Different discovery ports: the two apps never hear each other on the LAN.
      const a = await app('a', 'b2'.repeat(16), { signalingServers: [url], discoveryPort: DISCOVERY_PORT + 2001 })
      const b = await app('b', 'b2'.repeat(16), { signalingServers: [url], discoveryPort: DISCOVERY_PORT + 2002 })
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

  it.skipIf(NO_NAMESPACE !== null)('finds the apps by mDNS where their broadcasts cannot meet, and links them once', async () => {
    // Different discovery ports: the broadcasts never meet, so only mDNS can link them.
    const a = await app('a', 'd4'.repeat(16), { discoveryPort: DISCOVERY_PORT + 2003, mdnsPort: MDNS_PORT })
    const b = await app('b', 'd4'.repeat(16), { discoveryPort: DISCOVERY_PORT + 2004, mdnsPort: MDNS_PORT })
    const stranger = await app('stranger', 'ee'.repeat(16), { discoveryPort: DISCOVERY_PORT + 2005, mdnsPort: MDNS_PORT })
    await expect.poll(() => [a.network.lanPeers, b.network.lanPeers], { timeout: 8000 }).toEqual([1, 1])
    expect(stranger.network.lanPeers).toBe(0)
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
  })

  it.skipIf(NO_NAMESPACE !== null)('counts an app heard by both discoveries once, links it once, and keeps it while either still hears it', async () => {
    const tag = 'e5'.repeat(16)
    // Listens to the apps' mDNS answers for their ids, to say goodbye in their names.
    const raw = makeMdns({ port: MDNS_PORT })
    const ids = new Set<string>()
    raw.on('response', (response) => {
      for (const record of response.answers) {
        const text = record.type === 'TXT' && Array.isArray(record.data) ? record.data.map(String) : []
        const id = text.find((entry) => entry.startsWith('id='))
        if (text.includes(`tag=${tag}`) && id) ids.add(id.slice(3))
      }
    })
    try {
      const a = await app('a', tag, { mdnsPort: MDNS_PORT })
      const b = await app('b', tag, { mdnsPort: MDNS_PORT })
      await expect.poll(() => [a.network.lanPeers, b.network.lanPeers, ids.size], { timeout: 8000 }).toEqual([1, 1, 2])
      // mDNS loses both (a forged goodbye); the broadcast still hears them, so nothing is lost.
      raw.respond(
        [...ids].flatMap((id) => [
          { name: `${id}._holdfast._tcp.local`, type: 'SRV' as const, ttl: 0, data: { port: 1, target: `${id}.local` } },
          { name: `${id}._holdfast._tcp.local`, type: 'TXT' as const, ttl: 0, data: ['v=1', `tag=${tag}`, `id=${id}`] }
        ])
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect([a.network.lanPeers, b.network.lanPeers]).toEqual([1, 1])
      const onces = () => b.received.filter((m) => (m as { data?: unknown }).data === 'once').length
      a.publish('once')
      await expect.poll(onces, { timeout: 4000 }).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(onces()).toBe(1)
    } finally {
      await new Promise<void>((resolve) => raw.destroy(resolve))
    }
  })

  it('carries on with the broadcast, and says so, when mDNS cannot start', async () => {
    // A socket that does not share the mDNS port: the library's bind is refused.
    const holder = createSocket({ type: 'udp4', reuseAddr: false })
    await new Promise<void>((resolve) => holder.bind(MDNS_PORT + 1, resolve))
    try {
      const warnings: string[] = []
      const log = { ...silentLog, warn: (message: string) => warnings.push(message) }
      const a = await app('a', 'f6'.repeat(16), { mdnsPort: MDNS_PORT + 1, log })
      const b = await app('b', 'f6'.repeat(16))
      expect(warnings).toEqual([expect.stringMatching(/^LAN discovery by mDNS is off: .*EADDRINUSE/)])
      await expect.poll(() => [a.network.lanPeers, b.network.lanPeers], { timeout: 8000 }).toEqual([1, 1])
    } finally {
      holder.close()
    }
  })
})
