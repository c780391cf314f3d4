import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron'
import { IpcChannel } from '../shared/ipc'
import type { CoreHostMessage } from '../shared/coreHostMessages'

const SHUTDOWN_GRACE_MS = 5000

/**
 * Runs the core in an Electron utility process and gives each window its own MessagePort to
 * it. If the core dies unexpectedly it is restarted and every window gets a new port.
 */
export class CoreHost {
  private child: UtilityProcess | null = null
  private stopping = false
  private readonly windows = new Set<WebContents>()

  constructor(
    private readonly entry: string,
    private readonly dataDir: string
  ) {}

  start(): void {
    const child = utilityProcess.fork(this.entry, [], {
      serviceName: 'Holdfast core',
      env: { ...process.env, HOLDFAST_DATA_DIR: this.dataDir }
    })
    child.on('exit', (code) => {
      if (this.child !== child) return
      this.child = null
      if (this.stopping) return
      console.error(`Holdfast core exited unexpectedly (code ${code}); restarting it.`)
      this.start()
      for (const contents of this.windows) this.connect(contents)
    })
    this.child = child
  }

  /** Gives a window a fresh port to the core. */
  connect(contents: WebContents): void {
    if (!this.child) return
    if (!this.windows.has(contents)) {
      this.windows.add(contents)
      contents.once('destroyed', () => this.windows.delete(contents))
    }
    const { port1, port2 } = new MessageChannelMain()
    const message: CoreHostMessage = { type: 'connect' }
    this.child.postMessage(message, [port1])
    contents.postMessage(IpcChannel.corePort, null, [port2])
  }

  /** Asks the core to close its database, then waits for it to exit (or kills it after a grace period). */
  async stop(): Promise<void> {
    const child = this.child
    this.stopping = true
    if (!child) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const message: CoreHostMessage = { type: 'shutdown' }
    child.postMessage(message)
    const timer = setTimeout(() => child.kill(), SHUTDOWN_GRACE_MS)
    await exited
    clearTimeout(timer)
  }
}
