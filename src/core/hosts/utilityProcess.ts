import { join } from 'node:path'
import { CoreHostMessageSchema, type CoreToHostMessage } from '../../shared/coreHostMessages'
import { hostSecretBox } from './hostSecretBox'
import { startCore } from '..'
import { consoleLogger } from '../consoleLogger'
import type { FrameTransport } from '../rpc/frameTransport'

// The core as an Electron utility process. Electron gives it `process.parentPort`; the core
// imports nothing from electron, so the few members used are described here.
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void
  on(event: 'close', listener: () => void): void
  postMessage(message: unknown): void
  start(): void
}

const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort
const dataDir = process.env.HOLDFAST_DATA_DIR
if (!parentPort || !dataDir) {
  console.error('The Holdfast core must be started by the Holdfast app (no parent port or data folder).')
  process.exit(2)
}

const toMain = (message: CoreToHostMessage): void => parentPort.postMessage(message)
const secrets = hostSecretBox(toMain, process.env.HOLDFAST_KEY_STORAGE === 'os' ? 'os' : 'plaintext')

const core = startCore({
  dataDir,
  secrets,
  log: consoleLogger('core'),
  maintenanceWorker: join(import.meta.dirname, 'maintenance-worker.js'),
  archiveWorker: join(import.meta.dirname, 'archive-worker.js'),
  inferenceWorker: join(import.meta.dirname, 'inference-worker.js'),
  hubUrl: process.env.HF_ENDPOINT,
  // Set by main (CoreHost): the origins its windows load from, for the window's sync signaling.
  windowOrigins: (process.env.HOLDFAST_WINDOW_ORIGINS ?? '').split(' ').filter(Boolean),
  updaterHost: toMain
})

parentPort.on('message', ({ data, ports }) => {
  const message = CoreHostMessageSchema.safeParse(data)
  if (!message.success) return
  if (message.data.type === 'secret-reply') return secrets.receive(message.data)
  if (message.data.type === 'update-state') return core.updateStateChanged(message.data.state)
  if (message.data.type === 'shutdown') {
    void core.close().finally(() => process.exit(0))
    return
  }
  const port = ports[0]
  if (port) {
    core.serve(portTransport(port))
    port.start()
  }
})

function portTransport(port: PortLike): FrameTransport {
  return {
    send: (frame) => port.postMessage(frame),
    onFrame: (listener) => port.on('message', (event) => listener(event.data)),
    onClose: (listener) => port.on('close', listener)
  }
}
