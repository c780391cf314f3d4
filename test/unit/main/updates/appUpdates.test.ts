import { EventEmitter } from 'node:events'
import type { AppUpdater } from 'electron-updater'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppUpdates } from '../../../../src/main/updates/appUpdates'
import type { LastUpdateCheck } from '../../../../src/main/updates/lastUpdateCheck'
import { UpdateStateSchema, type UpdateSettings, type UpdateState } from '../../../../src/shared/contracts/updates'

/** electron-updater's updater as AppUpdates uses it: settings, calls and events, recorded. */
class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  allowDowngrade = true
  allowPrerelease = false
  channel: string | null = null
  feeds: unknown[] = []
  configPathResets = 0
  installs = 0
  installerStarts = true
  active = true
  // Like electron-updater's, a check announces itself before its first await.
  checkForUpdates = vi.fn(() => {
    this.emit('checking-for-update')
    return Promise.resolve(null)
  })
  isUpdaterActive(): boolean {
    return this.active
  }
  setFeedURL(options: unknown): void {
    this.feeds.push(options)
  }
  set updateConfigPath(_value: string | null) {
    this.configPathResets++
  }
  quitAndInstall(): void {
    if (!this.installerStarts) return void this.emit('error', new Error('spawn EACCES'))
    this.installs++
  }
}

const NOW = Date.UTC(2026, 11, 3, 9)
const automaticOn: UpdateSettings = { automatic: true, channel: 'latest', feedUrl: '' }

function setUp(options: { packaged?: boolean; online?: boolean; lastCheckAt?: number | null } = {}) {
  const updater = new FakeUpdater()
  const states: UpdateState[] = []
  const steps: string[] = []
  let stored = options.lastCheckAt ?? null
  const lastCheck: LastUpdateCheck = { read: () => stored, write: (at) => (stored = at) }
  const updates = new AppUpdates({
    updater: updater as unknown as AppUpdater,
    packaged: options.packaged ?? true,
    online: () => options.online ?? true,
    lastCheck,
    onState: (state) => states.push(state),
    beforeInstall: async () => {
      await Promise.resolve()
      steps.push(`core closed, installs so far: ${updater.installs}`)
    },
    restart: () => steps.push('restarted')
  })
  return { updater, updates, states, steps }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

describe('AppUpdates', () => {
  it('never checks in a development build, and says so', () => {
    const { updater, updates, states } = setUp({ packaged: false })
    updates.receive({ type: 'update-settings', settings: automaticOn })
    updates.receive({ type: 'update-command', command: 'check' })
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(states).toEqual([{ kind: 'unavailable', message: 'This is a development build: it does not update itself.' }])
  })

  it('says so when this install cannot update itself (a Linux build that is no AppImage, .deb or .rpm)', () => {
    const updater = new FakeUpdater()
    updater.active = false
    const updates = new AppUpdates({
      updater: updater as unknown as AppUpdater,
      packaged: true,
      online: () => true,
      lastCheck: { read: () => null, write: () => undefined },
      onState: () => undefined,
      beforeInstall: () => Promise.resolve(),
      restart: () => undefined
    })
    expect(updates.current).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('cannot update itself') as unknown })
  })

  it('downloads in the background and installs on quit only while automatic updates are on; downgrades stay off; beta looks at prereleases', () => {
    const { updater, updates } = setUp()
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    updates.receive({ type: 'update-settings', settings: { ...automaticOn, channel: 'beta' } })
    expect(updater.channel).toBe('beta')
    expect(updater.allowDowngrade).toBe(false)
    expect(updater.allowPrerelease).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    updates.receive({ type: 'update-settings', settings: { ...automaticOn, automatic: false } })
    expect(updater.channel).toBe('latest')
    expect(updater.allowPrerelease).toBe(false)
    expect(updater.autoInstallOnAppQuit).toBe(false)
  })

  it('uses the feed address from the settings, and goes back to the build’s feed when it is cleared', () => {
    const { updater, updates } = setUp()
    updates.receive({ type: 'update-settings', settings: { ...automaticOn, feedUrl: 'https://updates.example.com/holdfast' } })
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/holdfast' }])
    updates.receive({ type: 'update-settings', settings: automaticOn })
    expect(updater.configPathResets).toBe(1)
    expect(updater.feeds).toHaveLength(1)
  })

  it('checks when the core first sends settings with automatic updates on, and answers with the state', () => {
    const { updater, updates, states } = setUp()
    updates.receive({ type: 'update-settings', settings: automaticOn })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    expect(states).toEqual([{ kind: 'checking' }, { kind: 'checking' }])
    updater.emit('update-not-available', { version: '0.1.0' })
    expect(states.at(-1)).toEqual({ kind: 'idle', lastCheckAt: NOW })
  })

  it('does not check while the AI is generating, then checks when it stops', () => {
    const { updater, updates } = setUp()
    updates.receive({ type: 'ai-activity', generating: true })
    updates.receive({ type: 'update-settings', settings: automaticOn })
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    updates.receive({ type: 'ai-activity', generating: false })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('does not check automatically while offline; "Check now" while offline says why', () => {
    const { updater, updates, states } = setUp({ online: false })
    updates.receive({ type: 'update-settings', settings: automaticOn })
    updates.receive({ type: 'update-command', command: 'check' })
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(states.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining('offline') as unknown })
  })

  it('"Check now" checks even with automatic updates off, and counts as the last check', () => {
    const { updater, updates } = setUp({ lastCheckAt: NOW - 60_000 })
    updates.receive({ type: 'update-settings', settings: { ...automaticOn, automatic: false } })
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(updates.current).toEqual({ kind: 'idle', lastCheckAt: NOW - 60_000 })
    updates.receive({ type: 'update-command', command: 'check' })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    updater.emit('update-not-available', { version: '0.1.0' })
    expect(updates.current).toEqual({ kind: 'idle', lastCheckAt: NOW })
  })

  it('reports checking, download progress in whole percents, and a verified download as ready', () => {
    const { updater, updates, states } = setUp()
    updater.emit('checking-for-update')
    updater.emit('update-available', { version: '0.2.0' })
    updater.emit('download-progress', { percent: 41.7 })
    updater.emit('download-progress', { percent: 41.9 })
    updater.emit('download-progress', { percent: 42.2 })
    updater.emit('update-downloaded', { version: '0.2.0', downloadedFile: '/cache/Holdfast-0.2.0.AppImage' })
    expect(states).toEqual([
      { kind: 'checking' },
      { kind: 'downloading', version: '0.2.0', percent: 0 },
      { kind: 'downloading', version: '0.2.0', percent: 41 },
      { kind: 'downloading', version: '0.2.0', percent: 42 },
      { kind: 'ready', version: '0.2.0' }
    ])
    expect(states.every((state) => UpdateStateSchema.safeParse(state).success)).toBe(true)
    expect(updates.current).toEqual({ kind: 'ready', version: '0.2.0' })
  })

  it('installs only when an update is ready and the user asks (once, however often), after closing the core', async () => {
    const { updater, updates, steps } = setUp()
    updates.receive({ type: 'update-command', command: 'install' })
    await vi.runAllTimersAsync()
    expect(updater.installs).toBe(0)
    updater.emit('update-downloaded', { version: '0.2.0' })
    updates.receive({ type: 'update-command', command: 'install' })
    updates.receive({ type: 'update-command', command: 'install' })
    await vi.waitFor(() => expect(updater.installs).toBe(1))
    await vi.runAllTimersAsync()
    expect(updater.installs).toBe(1)
    expect(steps).toEqual(['core closed, installs so far: 0'])
  })

  it('starts this version again when the installer cannot start (the core is already closed)', async () => {
    const { updater, updates, steps } = setUp()
    updater.installerStarts = false
    updater.emit('update-downloaded', { version: '0.2.0' })
    updates.receive({ type: 'update-command', command: 'install' })
    await vi.waitFor(() => expect(steps).toEqual(['core closed, installs so far: 0', 'restarted']))
    expect(updates.current).toMatchObject({ kind: 'error' })
  })

  it('turns a failed download into an error that says the running version stays, and can check again', async () => {
    const { updater, updates } = setUp()
    updater.emit('update-available', { version: '0.2.0' })
    updater.emit('error', Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }))
    expect(updates.current).toMatchObject({ kind: 'error', message: expect.stringContaining('thrown away') as unknown })
    updates.receive({ type: 'update-command', command: 'install' })
    await vi.runAllTimersAsync()
    expect(updater.installs).toBe(0)
    updates.receive({ type: 'update-command', command: 'check' })
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('refuses to pass on a version from the feed that is not one', () => {
    const { updater, updates } = setUp()
    updater.emit('update-available', { version: `1.0.0-${'x'.repeat(100)}` })
    expect(updates.current).toMatchObject({ kind: 'error', message: expect.stringContaining('cannot read') as unknown })
  })
})
