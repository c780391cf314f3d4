import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { z } from 'zod'
import { startCore } from '../../src/core'
import { silentLog, portTransport } from '../../test/support/inProcessCore'

// The core on its own thread, as in the app where it is its own process: the "renderer" side
// of a benchmark talks to it over a MessagePort, so the two run in parallel.

const options = z.object({ dataDir: z.string(), maintenanceWorker: z.string().optional() }).parse(workerData)
const core = startCore({ dataDir: options.dataDir, log: silentLog, maintenanceWorker: options.maintenanceWorker })

parentPort?.on('message', (message: { type: 'connect'; port: MessagePort } | { type: 'close' }) => {
  if (message.type === 'connect') {
    core.serve(portTransport(message.port))
    message.port.start()
    return
  }
  void core.close().then(() => parentPort?.postMessage({ type: 'closed' }))
})
