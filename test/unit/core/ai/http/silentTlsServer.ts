import { once } from 'node:events'
import net from 'node:net'

/** Accepts TCP connections and never answers, so a TLS handshake to it cannot complete. */
export interface SilentTlsServer {
  /** https://127.0.0.1:PORT */
  url: string
  port: number
  close(): Promise<void>
}

export async function startSilentTlsServer(): Promise<SilentTlsServer> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
