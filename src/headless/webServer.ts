import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import sirv from 'sirv'
import { WebSocketServer, type WebSocket } from 'ws'
import { contentSecurityPolicy } from '../shared/security/csp'
import type { FrameTransport } from '../core/rpc/frameTransport'
import { SIGNALING_LIMITS } from '../core/sync/signaling/signalingMessages'
import { rawText } from '../core/sync/signaling/wsSignalingSocket'
import { isOwnHost, isOwnOrigin, tokenMatches } from '../core/rpc/requestGuards'

export const RPC_PATH = '/rpc'
/** y-webrtc signaling for the page: its only signaling server is its own core. */
export const SIGNALING_PATH = '/signaling'
export const TOKEN_META = 'holdfast-rpc-token'

export interface WebServerOptions {
  rendererDir: string
  token: string
  onConnection(transport: FrameTransport): void
  onSignaling(socket: WebSocket): void
}

export interface WebServer {
  server: Server
  listen(port: number): Promise<number>
  close(): Promise<void>
}

/** Serves the built renderer and the core's RPC WebSocket on one loopback port. */
export function createWebServer(options: WebServerOptions): WebServer {
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="${TOKEN_META}" content="${options.token}"></head>`
  )
  const assets = sirv(options.rendererDir, { dev: false, etag: true, dotfiles: false })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })
  const signaling = new WebSocketServer({ noServer: true, maxPayload: SIGNALING_LIMITS.maxMessageBytes })
  let port = 0

  const server = createServer((req, res) => {
    if (!isOwnHost(req.headers.host, port)) return refuse(res, 421, 'Misdirected request')
    setSecurityHeaders(res, req.headers.host ?? '')
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    if (path === '/' || path === '/index.html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Cache-Control', 'no-store')
      res.end(req.method === 'HEAD' ? undefined : indexHtml)
      return
    }
    assets(req, res, () => refuse(res, 404, 'Not found'))
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const allowed =
      (url.pathname === RPC_PATH || url.pathname === SIGNALING_PATH) &&
      isOwnHost(req.headers.host, port) &&
      isOwnOrigin(req.headers.origin, port) &&
      tokenMatches(url.searchParams.get('token'), options.token)
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    if (url.pathname === SIGNALING_PATH) {
      signaling.handleUpgrade(req, socket, head, (ws) => options.onSignaling(ws))
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => options.onConnection(webSocketTransport(ws)))
  })

  return {
    server,
    listen: (requested) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(requested, '127.0.0.1', () => {
          const address = server.address()
          port = typeof address === 'object' && address ? address.port : requested
          resolve(port)
        })
      }),
    close: () =>
      new Promise((resolve) => {
        for (const client of [...sockets.clients, ...signaling.clients]) client.terminate()
        sockets.close()
        signaling.close()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function webSocketTransport(ws: WebSocket): FrameTransport {
  return {
    send: (frame) => ws.send(frame),
    // Binary frames are passed on as they are, and refused by the frame check.
    onFrame: (listener) => ws.on('message', (data, isBinary) => listener(isBinary ? data : rawText(data))),
    onClose: (listener) => ws.on('close', listener)
  }
}

function setSecurityHeaders(res: ServerResponse, host: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ connect: [`ws://${host}`] }))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(message)
}
