import { once } from 'node:events'
import http from 'node:http'
import net from 'node:net'

/** A forwarding and CONNECT proxy that serves every target host from 127.0.0.1, at the port asked for. */
export interface TestProxy {
  /** http://127.0.0.1:PORT */
  url: string
  /** Absolute URLs of the plain HTTP requests it forwarded. */
  forwarded: string[]
  /** host:port of the CONNECT tunnels it opened. */
  tunnels: string[]
  close(): Promise<void>
}

export async function startTestProxy(): Promise<TestProxy> {
  const forwarded: string[] = []
  const tunnels: string[] = []
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    return socket
  }
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '')
    forwarded.push(target.href)
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => response.destroy())
    request.pipe(upstream)
  })
  server.on('connection', track)
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(request.url ?? '')
    const upstream = track(
      net.connect(Number(request.url?.split(':')[1]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client).pipe(upstream)
      })
    )
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    forwarded,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
