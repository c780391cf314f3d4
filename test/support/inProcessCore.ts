import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/message-port'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import type { Core } from '../../src/core'
import type { FrameTransport } from '../../src/core/rpc/frameTransport'
import type { CoreClient } from '../../src/shared/contracts'
import { rpcSerializers } from '../../src/shared/rpc/serializers'

/** A real RPC connection to a core over a Node MessageChannel, as the app's window has. */
export function connect(core: Pick<Core, 'serve'>): { client: CoreClient; port: MessagePort; close(): void } {
  const { port1, port2 } = new MessageChannel()
  core.serve(portTransport(port1))
  const client: CoreClient = createORPCClient(new RPCLink({ port: port2, customJsonSerializers: rpcSerializers }))
  port2.start()
  return { client, port: port2, close: () => port2.close() }
}

export function portTransport(port: MessagePort): FrameTransport {
  return {
    send: (frame) => port.postMessage(frame),
    onFrame: (listener) => port.on('message', listener),
    onClose: (listener) => port.on('close', listener)
  }
}

/** Waits for the next raw frame on a port. */
export function nextFrame(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve))
}

export const silentLog = { warn: () => undefined, error: () => undefined }
