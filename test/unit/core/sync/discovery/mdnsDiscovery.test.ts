import { createSocket } from 'node:dgram'
import makeMdns, { type MulticastDNS, type ResponsePacket } from 'multicast-dns'
import { afterEach, describe, expect, it } from 'vitest'
import { outsideNamespace } from '../../../../support/loopbackNamespace'
import type { LanPeer } from '../../../../../src/core/sync/discovery/lanDiscovery'
import { MDNS_SERVICE, MdnsDiscovery } from '../../../../../src/core/sync/discovery/mdnsDiscovery'
import { silentLog } from '../../../../support/inProcessCore'

const NO_NAMESPACE = outsideNamespace('mDNS discovery tests', 'mDNS multicast tests')

/** An mDNS port of this test run's own, away from any system responder and from parallel runs. */
const MDNS_PORT = 50_000 + Math.floor(Math.random() * 5000)
const TEAM = 'c3'.repeat(16)

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

/** One app's discovery, recording who it finds and loses. */
async function app(id: string, tag = TEAM, signalingPort = 4000, forgetAfterMs?: number) {
  const found: LanPeer[] = []
  const lost: string[] = []
  const discovery = new MdnsDiscovery({
    tag,
    instanceId: id,
    signalingPort,
    log: silentLog,
    port: MDNS_PORT,
    forgetAfterMs,
    onPeer: (peer) => found.push(peer),
    onLost: (peer) => lost.push(peer.id)
  })
  await discovery.start()
  stops.push(() => discovery.stop())
  return { discovery, found, lost }
}

/** A raw mDNS socket on the test's port, to send answers no Holdfast app would. */
async function rawResponder(): Promise<MulticastDNS> {
  const mdns = makeMdns({ port: MDNS_PORT })
  await new Promise((resolve) => mdns.once('ready', resolve))
  stops.push(() => new Promise((resolve) => mdns.destroy(resolve)))
  return mdns
}

type Records = ResponsePacket['answers']

/** What a Holdfast app answers, with any part replaced. */
function answer(id: string, replaced: { tag?: string; port?: number; name?: string; txt?: string[] } = {}): Records {
  const { tag = TEAM, port = 4100, name = `${id}.${MDNS_SERVICE}`, txt = ['v=1', `tag=${tag}`, `id=${id}`] } = replaced
  const ttl = 10
  return [
    { name: MDNS_SERVICE, type: 'PTR', ttl, data: name },
    { name, type: 'SRV', ttl, data: { port, target: `${id}.local` } },
    { name, type: 'TXT', ttl, data: txt }
  ]
}

const id = (n: number) => n.toString(16).padStart(32, '0')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(NO_NAMESPACE !== null)('mDNS discovery', () => {
  it('finds the apps of the same team with their signaling port, and neither itself nor another team', async () => {
    const a = await app(id(1), TEAM, 4001)
    const b = await app(id(2), TEAM, 4002)
    const stranger = await app(id(3), 'ee'.repeat(16), 4003)
    await expect.poll(() => [a.discovery.size, b.discovery.size], { timeout: 5000 }).toEqual([1, 1])
    // One more query round, in case anything else was on its way.
    await sleep(2500)
    expect(a.found.map((peer) => [peer.id, peer.url])).toEqual([[id(2), 'ws://127.0.0.1:4002']])
    expect(b.found.map((peer) => [peer.id, peer.url])).toEqual([[id(1), 'ws://127.0.0.1:4001']])
    expect(stranger.found).toEqual([])
    expect(stranger.discovery.size).toBe(0)
  })

  it('forgets an app that stops at once: it says goodbye', async () => {
    const a = await app(id(1))
    const b = new MdnsDiscovery({ tag: TEAM, instanceId: id(2), signalingPort: 4002, log: silentLog, port: MDNS_PORT, onPeer: () => undefined, onLost: () => undefined })
    await b.start()
    await expect.poll(() => a.discovery.size, { timeout: 5000 }).toBe(1)
    await b.stop()
    // Long before the 10 s timeout.
    await expect.poll(() => a.lost, { timeout: 1000, interval: 20 }).toEqual([id(2)])
    expect(a.discovery.size).toBe(0)
  })

  it('forgets an app that goes silent (a crash, a cable pulled) after the timeout', async () => {
    const a = await app(id(1), TEAM, 4001, 1000)
    const raw = await rawResponder()
    raw.respond(answer(id(9)))
    await expect.poll(() => a.found.map((peer) => peer.id), { timeout: 2000 }).toEqual([id(9)])
    const heardAt = Date.now()
    await expect.poll(() => a.lost, { timeout: 3000, interval: 20 }).toEqual([id(9)])
    expect(Date.now() - heardAt).toBeGreaterThanOrEqual(900)
    expect(a.discovery.size).toBe(0)
  })

  it('refuses to start when the mDNS port is taken, without throwing anywhere else', async () => {
    // A socket that does not share its port: the library's bind (which shares) is refused.
    const holder = createSocket({ type: 'udp4', reuseAddr: false })
    await new Promise<void>((resolve) => holder.bind(MDNS_PORT + 1, resolve))
    try {
      const discovery = new MdnsDiscovery({ tag: TEAM, instanceId: id(1), signalingPort: 4001, log: silentLog, port: MDNS_PORT + 1, onPeer: () => undefined, onLost: () => undefined })
      await expect(discovery.start()).rejects.toThrow(/EADDRINUSE/)
      await discovery.stop()
      expect(discovery.size).toBe(0)
    } finally {
      holder.close()
    }
  })

  it('ignores malformed and hostile answers without throwing, and still hears a good one after them', async () => {
    const a = await app(id(1))
    const raw = await rawResponder()
    const hostile: Records[] = [
      answer(id(10), { tag: 'not-a-tag' }),
      answer(id(11), { txt: ['v=1', `tag=${TEAM}`] }),
      answer(id(12), { txt: ['v=2', `tag=${TEAM}`, `id=${id(12)}`] }),
      answer(id(13), { txt: ['v=1', `tag=${TEAM}`, `id=${id(13)}`, `pad=${'x'.repeat(200)}`] }),
      answer(id(14), { txt: [...Array.from({ length: 20 }, (_, n) => `k${n}=v`), 'v=1', `tag=${TEAM}`, `id=${id(14)}`] }),
      answer(id(15), { txt: ['__proto__=x', 'v=1', `tag=${TEAM}`, 'id=zz'] }),
      answer(id(16), { port: 0 }),
      // The name is not the id the TXT gives.
      answer(id(17), { name: `${id(99)}.${MDNS_SERVICE}` }),
      answer(id(18), { name: `${id(18)}._other._tcp.local` }),
      // Its own id, sent by someone else.
      answer(id(1), { port: 4999 }),
      // Far more records than an answer has.
      Array.from({ length: 10 }, (_, n) => answer(id(20 + n))).flat(),
      // A SRV with no TXT.
      answer(id(19)).slice(0, 2)
    ]
    for (const records of hostile) raw.respond(records)
    // Not DNS at all.
    const socket = createSocket('udp4')
    await new Promise((resolve) => socket.send(Buffer.from('{"app":"holdfast"}\u0000\u00ff'), MDNS_PORT, '224.0.0.251', resolve))
    socket.close()

    raw.respond(answer(id(5), { port: 4005 }))
    await expect.poll(() => a.found.length, { timeout: 2000 }).toBe(1)
    await sleep(300)
    expect(a.found.map((peer) => [peer.id, peer.url])).toEqual([[id(5), 'ws://127.0.0.1:4005']])
  })
})
