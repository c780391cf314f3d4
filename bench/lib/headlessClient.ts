import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/websocket'
import { WebSocket } from 'ws'
import type { CoreClient } from '../../src/shared/contracts'
import { rpcSerializers } from '../../src/shared/rpc/serializers'

/**
 * The core's RPC client in Node, over headless mode's real WebSocket: it reads the per-run token
 * from the served page and sends the page's Origin, as the browser does.
 */
export async function connectToHeadless(url: string): Promise<{ client: CoreClient; close: () => void }> {
  const page = await (await fetch(url)).text()
  const token = /<meta name="holdfast-rpc-token" content="([0-9a-f]+)">/.exec(page)?.[1]
  if (!token) throw new Error(`No RPC token in the page served at ${url}.`)
  const socketUrl = new URL(`/rpc?token=${token}`, url)
  socketUrl.protocol = 'ws:'
  const websocket = new WebSocket(socketUrl, { headers: { Origin: url } })
  await new Promise((resolve, reject) => {
    websocket.once('open', resolve)
    websocket.once('error', reject)
  })
  return {
    client: createORPCClient(new RPCLink({ websocket, customJsonSerializers: rpcSerializers })),
    close: () => websocket.close()
  }
}
