import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/message-port'
import { MessageChannel } from 'node:worker_threads'
import type { Core } from '../core'
import type { CoreClient } from '../shared/contracts'
import { rpcSerializers } from '../shared/rpc/serializers'

/** An RPC client of the core in the same process, over a MessageChannel, as a window would have. */
export function inProcessClient(core: Pick<Core, 'serve'>): { client: CoreClient; close(): void } {
  const { port1, port2 } = new MessageChannel()
  core.serve({
    send: (frame) => port1.postMessage(frame),
    onFrame: (listener) => port1.on('message', listener),
    onClose: (listener) => port1.on('close', listener)
  })
  port2.start()
  return { client: createORPCClient(new RPCLink({ port: port2, customJsonSerializers: rpcSerializers })), close: () => port2.close() }
}
