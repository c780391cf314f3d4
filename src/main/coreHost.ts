import { MessageChannelMain, safeStorage, utilityProcess, type UtilityProcess, type WebContents } from 'electron'
import { IpcChannel } from '../shared/ipc'
import type { UpdateState } from '../shared/contracts/updates'
import { CoreToHostMessageSchema, type CoreHostMessage, type CoreUpdateMessage } from '../shared/coreHostMessages'
import { answerSecretRequest, keyStorageOf } from './secrets'

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
    private readonly dataDir: string,
    /** The origins windows load from: the core lets only them use its loopback signaling server. */
    private readonly windowOrigins: readonly string[],
    /** Where the core's update settings, AI activity and the user's update commands go (AppUpdates). */
    private readonly onUpdateMessage: (message: CoreUpdateMessage) => void
  ) {}

  /** Extra environment for the core (the system proxy main resolved), kept for restarts. */
  private coreEnv: Record<string, string> = {}

  start(coreEnv = this.coreEnv): void {
    this.coreEnv = coreEnv
    const child = utilityProcess.fork(this.entry, [], {
      serviceName: 'Holdfast core',
      env: {
        ...process.env,
        ...this.coreEnv,
        HOLDFAST_DATA_DIR: this.dataDir,
        HOLDFAST_KEY_STORAGE: keyStorageOf(safeStorage),
        HOLDFAST_WINDOW_ORIGINS: this.windowOrigins.join(' ')
      }
    })
    child.on('message', (data: unknown) => {
      // The core may only ask for keychain work and talk about updates; anything else is ignored.
      const message = CoreToHostMessageSchema.safeParse(data)
      if (!message.success) return
      if (message.data.type === 'secret-request') child.postMessage(answerSecretRequest(message.data, safeStorage))
      else this.onUpdateMessage(message.data)
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

  /** Tells the core (and through it the windows) where the app's updates stand. */
  updateStateChanged(state: UpdateState): void {
    const message: CoreHostMessage = { type: 'update-state', state }
    this.child?.postMessage(message)
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
