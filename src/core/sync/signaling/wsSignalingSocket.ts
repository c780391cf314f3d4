import type { RawData, WebSocket } from 'ws'
import type { HubConnection, SignalingSocket } from './signalingHub'

const PING_INTERVAL_MS = 30_000

/** Connects a `ws` socket to the hub: text frames in, a ping every 30 s, a dead socket closed. */
export function attachWebSocket(ws: WebSocket, connect: (socket: SignalingSocket) => HubConnection): void {
  const connection = connect({ send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) })
  let alive = true
  const ping = setInterval(() => {
    if (!alive) return ws.terminate()
    alive = false
    ws.ping()
  }, PING_INTERVAL_MS)
  ws.on('pong', () => (alive = true))
  ws.on('message', (data: RawData, isBinary) => {
    // The protocol is JSON text; a binary frame is treated as text and refused by the parser if it is not.
    connection.receive(isBinary || typeof data !== 'string' ? rawText(data) : data)
  })
  ws.on('close', () => {
    clearInterval(ping)
    connection.closed()
  })
  ws.on('error', () => ws.terminate())
}

/** A `ws` message as text, whichever of its shapes it came in. */
export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8')
}
