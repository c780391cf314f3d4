import { describe, expect, it } from 'vitest'
import { GenerationTracker } from '../../../../src/core/ai/generationTracker'
import type { UpdateSettingsFile } from '../../../../src/core/updates/updateSettingsFile'
import { UpdatesService } from '../../../../src/core/updates/updatesService'
import { DEFAULT_UPDATE_SETTINGS, type UpdatesOverview, type UpdateSettings } from '../../../../src/shared/contracts/updates'
import type { CoreUpdateMessage } from '../../../../src/shared/coreHostMessages'

function memoryFile(initial: UpdateSettings = DEFAULT_UPDATE_SETTINGS): UpdateSettingsFile & { saved: UpdateSettings } {
  const file = {
    saved: initial,
    read: () => file.saved,
    write: (settings: UpdateSettings) => {
      file.saved = settings
    }
  }
  return file
}

function service(settingsFile = memoryFile()) {
  const sent: CoreUpdateMessage[] = []
  const generation = new GenerationTracker()
  const updates = new UpdatesService({ host: (message) => sent.push(message), generation, settingsFile })
  return { sent, generation, updates, settingsFile }
}

describe('UpdatesService', () => {
  it('tells main the saved update settings and whether the AI is generating, at start and on every change', () => {
    const beta: UpdateSettings = { automatic: false, channel: 'beta', feedUrl: 'https://updates.example.com/holdfast' }
    const { sent, generation } = service(memoryFile(beta))
    generation.begin()()
    expect(sent).toEqual([
      { type: 'update-settings', settings: beta },
      { type: 'ai-activity', generating: false },
      { type: 'ai-activity', generating: true },
      { type: 'ai-activity', generating: false }
    ])
  })

  it('saves a change, tells main, and shows it to every window', () => {
    const { sent, updates, settingsFile } = service()
    const seen: UpdatesOverview[] = []
    updates.events.subscribe('changed', (overview) => seen.push(overview))
    const changed = updates.configure({ channel: 'beta', feedUrl: undefined })
    expect(changed).toEqual({ ...DEFAULT_UPDATE_SETTINGS, channel: 'beta' })
    expect(settingsFile.saved).toEqual(changed)
    expect(sent.at(-1)).toEqual({ type: 'update-settings', settings: changed })
    expect(seen).toEqual([{ state: { kind: 'idle', lastCheckAt: null }, settings: changed }])
  })

  it('relays main’s state to the windows, and asks for an install only when an update is ready', () => {
    const { sent, updates } = service()
    const seen: UpdatesOverview[] = []
    updates.events.subscribe('changed', (overview) => seen.push(overview))
    updates.installNow()
    updates.received({ kind: 'ready', version: '0.2.0' })
    updates.installNow()
    updates.checkNow()
    expect(seen.map((overview) => overview.state)).toEqual([{ kind: 'ready', version: '0.2.0' }])
    expect(sent.filter((m) => m.type === 'update-command')).toEqual([
      { type: 'update-command', command: 'install' },
      { type: 'update-command', command: 'check' }
    ])
  })

  it('without main (headless mode) says updates are not available and sends nothing', () => {
    const generation = new GenerationTracker()
    const updates = new UpdatesService({ host: undefined, generation, settingsFile: memoryFile() })
    generation.begin()()
    updates.checkNow()
    updates.configure({ automatic: false })
    expect(updates.overview).toEqual({
      state: { kind: 'unavailable', message: 'Updates are not available in headless mode: it updates when a new version of Holdfast is installed.' },
      settings: { ...DEFAULT_UPDATE_SETTINGS, automatic: false }
    })
  })
})
