import type { Server } from 'node:http'
import type { WebSocketServer } from 'ws'

/** Stops an HTTP server and its WebSocket server at once: every client cut, no connection kept open. */
export function closeWebSocketServer(http: Server, sockets: WebSocketServer): Promise<void> {
  return new Promise((resolve) => {
    for (const client of sockets.clients) client.terminate()
    sockets.close()
    http.close(() => resolve())
    http.closeAllConnections()
  })
}
