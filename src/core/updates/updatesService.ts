import { EventPublisher } from '@orpc/server'
import type { UpdatesOverview, UpdateSettings, UpdateState } from '../../shared/contracts/updates'
import type { CoreUpdateMessage } from '../../shared/coreHostMessages'
import type { GenerationTracker } from '../ai/generationTracker'
import type { UpdateSettingsFile } from './updateSettingsFile'

/** Sends a message to Electron main, which runs the updater. Headless mode has none. */
export type UpdaterHost = (message: CoreUpdateMessage) => void

const HEADLESS: UpdateState = {
  kind: 'unavailable',
  message: 'Updates are not available in headless mode: it updates when a new version of Holdfast is installed.'
}

export interface UpdatesServiceOptions {
  host: UpdaterHost | undefined
  generation: GenerationTracker
  settingsFile: UpdateSettingsFile
}

/**
 * The core's side of the app's updates: keeps this computer's update settings, tells main those
 * settings and whether the AI is generating, passes the user's commands on, and relays main's
 * update state to the windows.
 */
export class UpdatesService {
  readonly events = new EventPublisher<{ changed: UpdatesOverview }>()
  private state: UpdateState
  private settings: UpdateSettings
  private readonly stopFollowingGeneration: () => void

  constructor(private readonly options: UpdatesServiceOptions) {
    const { host, generation } = options
    this.state = host ? { kind: 'idle', lastCheckAt: null } : HEADLESS
    this.settings = options.settingsFile.read()
    host?.({ type: 'update-settings', settings: this.settings })
    host?.({ type: 'ai-activity', generating: generation.generating })
    this.stopFollowingGeneration = host
      ? generation.events.subscribe('changed', (generating) => host({ type: 'ai-activity', generating }))
      : () => undefined
  }

  get overview(): UpdatesOverview {
    return { state: this.state, settings: this.settings }
  }

  configure(patch: Partial<UpdateSettings>): UpdateSettings {
    // An explicit undefined (which the RPC layer can carry) means "leave unchanged".
    const changes = Object.fromEntries((Object.entries(patch) as [string, unknown][]).filter(([, value]) => value !== undefined))
    const settings: UpdateSettings = { ...this.settings, ...changes }
    this.options.settingsFile.write(settings)
    this.settings = settings
    this.options.host?.({ type: 'update-settings', settings })
    this.events.publish('changed', this.overview)
    return settings
  }

  /** Main's updater reported a new state. */
  received(state: UpdateState): void {
    this.state = state
    this.events.publish('changed', this.overview)
  }

  checkNow(): void {
    this.options.host?.({ type: 'update-command', command: 'check' })
  }

  installNow(): void {
    if (this.state.kind === 'ready') this.options.host?.({ type: 'update-command', command: 'install' })
  }

  close(): void {
    this.stopFollowingGeneration()
  }
}
