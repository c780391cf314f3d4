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

/** One app: a hub with a page's socket on it, and the LAN side on loopback. */
async function app(tag: string) {
  const hub = new SignalingHub(silentLog)
  const received: unknown[] = []
  let reconnects = 0
  const connect = () => {
    const connection = hub.connect(
      {
        send: (text) => received.push(JSON.parse(text)),
        close: () => {
          // Like y-webrtc: the page reconnects and subscribes again.
          reconnects++
          connection.closed()
          page = connect()
          page.receive(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
        }
      },
      'local'
    )
    return connection
  }
  let page = connect()
  page.receive(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
  const network = await TeamNetwork.start({
    hub,
    log: silentLog,
    discoveryTag: tag,
    lanHost: '127.0.0.1',
    discoveryPort: DISCOVERY_PORT,
    broadcastTo: () => ['127.255.255.255']
  })
  networks.push(network)
  return { network, received, publish: (data: string) => page.receive(JSON.stringify({ type: 'publish', topic: 'room', data })), reconnects: () => reconnects }
}

describe('team network', () => {
  it('finds the apps of the same team on the LAN and carries their pages’ signaling both ways, once', async () => {
    const a = await app('a1'.repeat(16))
    const b = await app('a1'.repeat(16))
    const stranger = await app('ff'.repeat(16))
    await expect.poll(() => [a.network.lanPeers, b.network.lanPeers], { timeout: 8000 }).toEqual([1, 1])
    expect(stranger.network.lanPeers).toBe(0)
    // Once linked, each page is asked to announce itself again (so the other side hears it).
    await expect.poll(() => a.reconnects() + b.reconnects(), { timeout: 8000 }).toBeGreaterThan(0)

    await expect
      .poll(
        () => {
          a.publish('from a')
          b.publish('from b')
          const got = (list: unknown[], data: string) => list.some((m) => (m as { data?: unknown }).data === data)
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
