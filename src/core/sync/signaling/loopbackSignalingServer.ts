import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { WebSocketServer } from 'ws'
import { isOwnHost, tokenMatches } from '../../rpc/requestGuards'
import { closeWebSocketServer } from './closeWebSocketServer'
import type { SignalingHub } from './signalingHub'
import { SIGNALING_LIMITS } from './signalingMessages'
import { attachWebSocket } from './wsSignalingSocket'

export const LOOPBACK_SIGNALING_PATH = '/signaling'

export interface LoopbackSignalingServer {
  /** With the per-run token: what the window gives y-webrtc as its one signaling server. */
  readonly url: string
  close(): Promise<void>
}

/**
 * The desktop window's signaling endpoint: y-webrtc needs a WebSocket URL, and the window's only
 * line to the core is a MessagePort, so the core listens on loopback for it. Only a page of the
 * app's own origins with this run's random token gets in (the URL reaches the window over the
 * RPC, never through a page anyone else can load); the Host must be this server, so a rebound
 * DNS name is refused. What it carries is the window's own signaling, as headless mode's
 * `/signaling` does.
 */
export async function startLoopbackSignalingServer(hub: SignalingHub, origins: readonly string[]): Promise<LoopbackSignalingServer> {
  const token = randomBytes(24).toString('base64url')
  let port = 0
  const http: Server = createServer((_req, res) => {
    res.writeHead(404)
    res.end()
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: SIGNALING_LIMITS.maxMessageBytes })
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const allowed =
      url.pathname === LOOPBACK_SIGNALING_PATH &&
      isOwnHost(req.headers.host, port) &&
      origins.includes(req.headers.origin ?? '') &&
      tokenMatches(url.searchParams.get('token'), token)
    if (!allowed) return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
    sockets.handleUpgrade(req, socket, head, (ws) => attachWebSocket(ws, (connection) => hub.connect(connection, 'local')))
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', () => resolve())
  })
  const address = http.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `ws://127.0.0.1:${port}${LOOPBACK_SIGNALING_PATH}?token=${token}`,
    close: () => closeWebSocketServer(http, sockets)
  }
}
