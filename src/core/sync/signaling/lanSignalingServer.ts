import { createServer, type Server } from 'node:http'
import { WebSocketServer } from 'ws'
import { closeWebSocketServer } from './closeWebSocketServer'
import type { SignalingHub } from './signalingHub'
import { SIGNALING_LIMITS } from './signalingMessages'
import { attachWebSocket } from './wsSignalingSocket'

export interface LanSignalingServer {
  readonly port: number
  close(): Promise<void>
}

/**
 * The signaling server other devices on the LAN reach (other Holdfast cores, stock y-webrtc
 * clients). It carries only encrypted signaling for derived room names; the RPC and the UI stay
 * on the loopback server. Connections and message sizes are bounded.
 */
export async function startLanSignalingServer(hub: SignalingHub, port = 0, host = '0.0.0.0'): Promise<LanSignalingServer> {
  const http: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('Holdfast signaling')
  })
  const sockets = new WebSocketServer({ server: http, maxPayload: SIGNALING_LIMITS.maxMessageBytes })
  sockets.on('connection', (ws) => {
    if (sockets.clients.size > SIGNALING_LIMITS.maxLanConnections) return ws.close(1013, 'too many connections')
    attachWebSocket(ws, (socket) => hub.connect(socket, 'lan'))
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, host, () => resolve())
  })
  const address = http.address()
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => closeWebSocketServer(http, sockets)
  }
}
