import type { AppUpdater } from 'electron-updater'
import { UpdateStateSchema, type UpdateSettings, type UpdateState } from '../../shared/contracts/updates'
import type { CoreUpdateMessage } from '../../shared/coreHostMessages'
import type { LastUpdateCheck } from './lastUpdateCheck'
import { updateErrorMessage } from './updateErrorMessage'
import { UpdateScheduler } from './updateScheduler'

export interface AppUpdatesOptions {
  /** electron-updater's updater for this platform. */
  updater: AppUpdater
  /** False for a development build, which never updates itself. */
  packaged: boolean
  online: () => boolean
  lastCheck: LastUpdateCheck
  /** Every new state, for the core to pass on to the windows. */
  onState: (state: UpdateState) => void
  /**
   * Before "Restart and install" starts the installer: closes the core, so the new version never
   * opens the database while this one still has it, and lets the new version take the single-instance lock.
   */
  beforeInstall: () => Promise<void>
  /** Starts this version again: the installer could not start, and the core is already closed. */
  restart: () => void
}

const DEVELOPMENT_BUILD = 'This is a development build: it does not update itself.'
const NO_UPDATER = 'This copy of Holdfast cannot update itself (on Linux only the AppImage, .deb and .rpm installs can). Install new versions by hand.'
const OFFLINE = 'This computer is offline, so Holdfast cannot check for updates. It checks again once the connection is back.'
const UNREADABLE = 'The update feed describes a release Holdfast cannot read. Nothing was downloaded; check the feed address in Settings → Updates.'

/**
 * The app's own updates, with electron-updater: checks on the schedule (or when asked), downloads
 * in the background, installs on quit (when automatic updates are on) or on "Restart and
 * install". electron-updater installs only a download whose sha512 matched the feed's: a failed
 * or partial one ends in the error state and the running version stays.
 */
export class AppUpdates {
  private state: UpdateState
  private settings: UpdateSettings | null = null
  private installing = false
  private readonly scheduler: UpdateScheduler | null = null

  constructor(private readonly options: AppUpdatesOptions) {
    const { updater } = options
    if (!options.packaged) {
      this.state = { kind: 'unavailable', message: DEVELOPMENT_BUILD }
      return
    }
    if (!updater.isUpdaterActive()) {
      this.state = { kind: 'unavailable', message: NO_UPDATER }
      return
    }
    updater.autoDownload = true
    updater.autoInstallOnAppQuit = false
    updater.allowDowngrade = false
    this.scheduler = new UpdateScheduler({
      lastCheck: options.lastCheck,
      online: options.online,
      updating: () => this.updating,
      check: () => this.check()
    })
    this.state = { kind: 'idle', lastCheckAt: this.scheduler.lastCheck }
    this.follow(updater)
  }

  get current(): UpdateState {
    return this.state
  }

  /** A message from the core (already validated by CoreHost). */
  receive(message: CoreUpdateMessage): void {
    switch (message.type) {
      case 'update-settings':
        this.apply(message.settings)
        // The core sends its settings when it starts: a restarted core learns the state here.
        this.options.onState(this.state)
        break
      case 'ai-activity':
        this.scheduler?.setGenerating(message.generating)
        break
      case 'update-command':
        if (message.command === 'check') this.checkNow()
        else if (this.state.kind === 'ready' && !this.installing) void this.restartToInstall()
        break
    }
  }

  /** A check or download is under way, or an update waits to be installed. */
  private get updating(): boolean {
    return this.state.kind === 'checking' || this.state.kind === 'downloading' || this.state.kind === 'ready'
  }

  private apply(settings: UpdateSettings): void {
    const { updater } = this.options
    const before = this.settings
    this.settings = settings
    if (!this.scheduler) return
    if (settings.channel !== before?.channel || settings.feedUrl !== before.feedUrl) {
      updater.channel = settings.channel
      // Setting a channel allows downgrades; going back from beta to stable must not install an older version.
      updater.allowDowngrade = false
      // The GitHub feed looks at prereleases (where beta builds are) only when allowed; electron-updater
      // allows them by itself only when the running version is a prerelease.
      updater.allowPrerelease = settings.channel === 'beta'
      if (settings.feedUrl) updater.setFeedURL({ provider: 'generic', url: settings.feedUrl })
      // electron-updater's only way back to the feed in the build's app-update.yml after setFeedURL.
      else if (before?.feedUrl) updater.updateConfigPath = null
    }
    // Off means nothing installs unless the user chooses "Restart and install".
    updater.autoInstallOnAppQuit = settings.automatic
    this.scheduler.setAutomatic(settings.automatic)
  }

  private checkNow(): void {
    if (!this.scheduler || this.updating) return
    if (!this.options.online()) return this.set({ kind: 'error', message: OFFLINE })
    this.scheduler.checkNow()
  }

  private async restartToInstall(): Promise<void> {
    const { updater } = this.options
    this.installing = true
    await this.options.beforeInstall()
    // The core is closed now. An installer that cannot start (at once, or on macOS once Squirrel
    // has the update) quits nothing: this version starts again instead.
    updater.once('error', () => this.options.restart())
    updater.quitAndInstall()
  }

  private check(): void {
    // Failures arrive as 'error' events; the promises must not be left rejected.
    this.options.updater.checkForUpdates().then(
      (result) => void result?.downloadPromise?.catch(() => undefined),
      () => undefined
    )
  }

  private follow(updater: AppUpdater): void {
    updater.on('checking-for-update', () => this.set({ kind: 'checking' }))
    updater.on('update-not-available', () => this.set({ kind: 'idle', lastCheckAt: this.scheduler?.lastCheck ?? null }))
    updater.on('update-available', (info) => this.set({ kind: 'downloading', version: info.version, percent: 0 }))
    updater.on('download-progress', (progress) => {
      const percent = Math.min(100, Math.floor(progress.percent))
      if (this.state.kind === 'downloading' && percent !== this.state.percent) this.set({ ...this.state, percent })
    })
    updater.on('update-downloaded', (event) => this.set({ kind: 'ready', version: event.version }))
    updater.on('update-cancelled', () => this.set({ kind: 'idle', lastCheckAt: this.scheduler?.lastCheck ?? null }))
    updater.on('error', (error) => {
      this.set({ kind: 'error', message: updateErrorMessage(error, this.state.kind === 'downloading' ? 'download' : 'check') })
    })
  }

  private set(state: UpdateState): void {
    // The version comes from the feed: the core would refuse a state that does not fit the schema.
    this.state = UpdateStateSchema.safeParse(state).success ? state : { kind: 'error', message: UNREADABLE }
    this.options.onState(this.state)
  }
}
