import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startLoopbackSignalingServer, type LoopbackSignalingServer } from '../../../../../src/core/sync/signaling/loopbackSignalingServer'
import { SignalingHub } from '../../../../../src/core/sync/signaling/signalingHub'
import { silentLog } from '../../../../support/inProcessCore'

const servers: LoopbackSignalingServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

/** Resolves with the socket once open, or with the HTTP status the upgrade was refused with. */
function open(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => resolve(0))
  })
}

describe('the desktop window’s loopback signaling server', () => {
  it('lets the app’s own window in with this run’s token and joins it to the core’s signaling', async () => {
    const hub = new SignalingHub(silentLog)
    const server = await startLoopbackSignalingServer(hub, ['app://holdfast'])
    servers.push(server)
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/signaling\?token=[\w-]{32}$/)

    // Another window of the core, already in the room.
    const received: unknown[] = []
    const other = hub.connect({ send: (text) => received.push(JSON.parse(text)), close: () => undefined }, 'local')
    other.receive(JSON.stringify({ type: 'subscribe', topics: ['room'] }))

    const window = await open(server.url, { Origin: 'app://holdfast' })
    if (!(window instanceof WebSocket)) throw new Error(`refused with ${window}`)
    window.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
    window.send(JSON.stringify({ type: 'publish', topic: 'room', data: 'hello' }))
    await expect.poll(() => received).toEqual([{ type: 'publish', topic: 'room', data: 'hello' }])
    window.close()
  })

  it('refuses another origin, a wrong or missing token, another path and a Host that is not itself', async () => {
    const server = await startLoopbackSignalingServer(new SignalingHub(silentLog), ['app://holdfast'])
    servers.push(server)
    const url = new URL(server.url)
    const withToken = (token: string | null): string => {
      const copy = new URL(url)
      if (token === null) copy.searchParams.delete('token')
      else copy.searchParams.set('token', token)
      return copy.href
    }
    expect(await open(server.url, { Origin: 'http://evil.example' })).toBe(403)
    expect(await open(server.url, {})).toBe(403)
    expect(await open(withToken('x'.repeat(32)), { Origin: 'app://holdfast' })).toBe(403)
    expect(await open(withToken(null), { Origin: 'app://holdfast' })).toBe(403)
    expect(await open(server.url.replace('/signaling', '/rpc'), { Origin: 'app://holdfast' })).toBe(403)
    expect(await open(server.url, { Origin: 'app://holdfast', Host: `rebound.example:${url.port}` })).toBe(403)
  })
})
