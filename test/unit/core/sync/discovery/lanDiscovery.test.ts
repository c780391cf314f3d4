import { createSocket } from 'node:dgram'
import { afterEach, describe, expect, it } from 'vitest'
import { LanDiscovery, type LanPeer } from '../../../../../src/core/sync/discovery/lanDiscovery'
import { silentLog } from '../../../../support/inProcessCore'

/** A discovery port of this test run's own, so parallel runs do not hear each other. */
const PORT = 44_000 + Math.floor(Math.random() * 2000)
const TAG = 'd4'.repeat(16)

const running: LanDiscovery[] = []
afterEach(() => {
  for (const discovery of running.splice(0)) discovery.stop()
})

/** One app's broadcast discovery on loopback, recording whom it finds and loses. */
async function app(id: string) {
  const found: string[] = []
  const lost: string[] = []
  const discovery = new LanDiscovery({
    tag: TAG,
    instanceId: id,
    signalingPort: 4000,
    log: silentLog,
    port: PORT,
    addresses: () => ['127.255.255.255'],
    onPeer: (peer: LanPeer) => found.push(peer.id),
    onLost: (peer: LanPeer) => lost.push(peer.id)
  })
  await discovery.start()
  running.push(discovery)
  return { discovery, found, lost }
}

describe('LanDiscovery', () => {
  it('finds an app of the same team, and forgets it at once when it stops (its goodbye), not 10 s later', async () => {
    const a = await app('a'.repeat(16))
    const b = await app('b'.repeat(16))
    await expect.poll(() => [a.found, b.found], { timeout: 5000 }).toEqual([['b'.repeat(16)], ['a'.repeat(16)]])
    const stoppedAt = Date.now()
    b.discovery.stop()
    await expect.poll(() => a.lost, { timeout: 5000 }).toEqual(['b'.repeat(16)])
    expect(Date.now() - stoppedAt).toBeLessThan(2000)
    expect(a.discovery.size).toBe(0)
  })

  it('ignores a goodbye for an app it does not know, and malformed or other teams’ datagrams', async () => {
    const a = await app('c'.repeat(16))
    const sender = createSocket({ type: 'udp4', reuseAddr: true })
    const send = (message: unknown) =>
      new Promise<void>((resolve) => sender.send(Buffer.from(typeof message === 'string' ? message : JSON.stringify(message)), PORT, '127.0.0.1', () => resolve()))
    try {
      await send({ app: 'holdfast', v: 1, tag: TAG, id: 'e'.repeat(16), port: 4001, bye: true })
      await send({ app: 'holdfast', v: 1, tag: 'ff'.repeat(16), id: 'f'.repeat(16), port: 4001 })
      await send({ app: 'holdfast', v: 1, tag: TAG, id: 'f'.repeat(16), port: 4001, bye: 'yes' })
      await send('not json')
      await send({ app: 'holdfast', v: 1, tag: TAG, id: '1'.repeat(16), port: 4002 })
      await expect.poll(() => a.found, { timeout: 5000 }).toEqual(['1'.repeat(16)])
      expect(a.lost).toEqual([])
    } finally {
      sender.close()
    }
  })
})
