import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/websocket'
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/contracts/settings'
import { WebSocket } from 'ws'
import { startCore, type Core } from '../../../src/core'
import { attachWebSocket } from '../../../src/core/sync/signaling/wsSignalingSocket'
import { createWebServer, RPC_PATH, SIGNALING_PATH, TOKEN_META, type WebServer } from '../../../src/headless/webServer'
import type { CoreClient } from '../../../src/shared/contracts'
import { rpcSerializers } from '../../../src/shared/rpc/serializers'
import { silentLog } from '../../support/inProcessCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()
const TOKEN = 'f'.repeat(64)
const running: { web: WebServer; core: Core }[] = []
afterEach(async () => {
  for (const { web, core } of running.splice(0)) {
    await web.close()
    await core.close()
  }
})

async function serve(): Promise<number> {
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const core = startCore({ dataDir: tempDir(), log: silentLog })
  const web = createWebServer({
    rendererDir,
    token: TOKEN,
    onConnection: (t) => core.serve(t),
    onSignaling: (ws) => attachWebSocket(ws, (socket) => core.serveSignaling(socket))
  })
  running.push({ web, core })
  return web.listen(0)
}

function get(port: number, path: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function openSocket(url: string, origin: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {})
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

describe('headless web server', () => {
  it('serves the page with the per-run token and a strict CSP', async () => {
    const port = await serve()
    const page = await get(port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="${TOKEN_META}" content="${TOKEN}">`)
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/)
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${port}`)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect((await get(port, '/assets/app.js')).body).toBe('console.log(1)')
  })

  it('refuses requests for another host name (DNS rebinding) and paths outside the renderer', async () => {
    const port = await serve()
    expect((await get(port, '/', `attacker.example:${port}`)).status).toBe(421)
    expect((await get(port, '/../../etc/passwd')).status).toBe(404)
    expect((await get(port, '/assets/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
  })

  it('opens the RPC socket only for its own origin with the right token', async () => {
    const port = await serve()
    const base = `ws://127.0.0.1:${port}${RPC_PATH}`
    const origin = `http://127.0.0.1:${port}`
    await expect(openSocket(base, origin)).rejects.toThrow('HTTP 403')
    await expect(openSocket(`${base}?token=${'0'.repeat(64)}`, origin)).rejects.toThrow('HTTP 403')
    await expect(openSocket(`${base}?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow('HTTP 403')
    await expect(openSocket(`${base}?token=${TOKEN}`, undefined)).rejects.toThrow('HTTP 403')

    const ws = await openSocket(`${base}?token=${TOKEN}`, origin)
    const client: CoreClient = createORPCClient(new RPCLink({ websocket: ws, customJsonSerializers: rpcSerializers }))
    expect(await client.settings.update({ theme: 'dark', versionRetentionDays: 90 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    ws.close()
  })

  it("relays y-webrtc signaling between the page's sockets, for its own origin and token only", async () => {
    const port = await serve()
    const base = `ws://127.0.0.1:${port}${SIGNALING_PATH}`
    const origin = `http://127.0.0.1:${port}`
    await expect(openSocket(base, origin)).rejects.toThrow('HTTP 403')
    await expect(openSocket(`${base}?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow('HTTP 403')
    const [a, b] = await Promise.all([openSocket(`${base}?token=${TOKEN}`, origin), openSocket(`${base}?token=${TOKEN}`, origin)])
    a.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
    b.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }))
    b.send(JSON.stringify({ type: 'ping' }))
    await new Promise<void>((resolve) => b.once('message', () => resolve()))
    const received = new Promise<string>((resolve) => a.once('message', (data: Buffer) => resolve(data.toString())))
    b.send(JSON.stringify({ type: 'publish', topic: 'room', data: 'hello' }))
    expect(JSON.parse(await received)).toEqual({ type: 'publish', topic: 'room', data: 'hello' })
    a.close()
    b.close()
  })

  it('answers a malformed frame on the socket with an error instead of dropping the connection', async () => {
    const port = await serve()
    const ws = await openSocket(`ws://127.0.0.1:${port}${RPC_PATH}?token=${TOKEN}`, `http://127.0.0.1:${port}`)
    const reply = new Promise<string>((resolve) => ws.once('message', (data: Buffer) => resolve(data.toString())))
    ws.send('{{{')
    expect(JSON.parse(await reply)).toMatchObject({ p: { s: 400, b: { json: { code: 'BAD_REQUEST' } } } })
    expect(ws.readyState).toBe(WebSocket.OPEN)
    ws.close()
  })
})
