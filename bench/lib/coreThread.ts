import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/message-port'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import type { CoreClient } from '../../src/shared/contracts'
import { rpcSerializers } from '../../src/shared/rpc/serializers'

const MAINTENANCE_WORKER = resolve(import.meta.dirname, '../../out/main/maintenance-worker.js')

/** Starts a core on a worker thread and connects to it over a MessagePort, like a window does. */
export function startCoreThread(dataDir: string): { client: CoreClient; stop: () => Promise<void> } {
  if (!existsSync(MAINTENANCE_WORKER)) throw new Error('Run "npm run build" first: the benchmark uses the built maintenance worker.')
  const worker = new Worker(new URL('./coreWorker.ts', import.meta.url), {
    workerData: { dataDir, maintenanceWorker: MAINTENANCE_WORKER }
  })
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ type: 'connect', port: port2 }, [port2])
  const client: CoreClient = createORPCClient(new RPCLink({ port: port1, customJsonSerializers: rpcSerializers }))
  port1.start()
  return {
    client,
    stop: async () => {
      const closed = new Promise((done) => worker.once('message', done))
      worker.postMessage({ type: 'close' })
      await closed
      port1.close()
      await worker.terminate()
    }
  }
}
