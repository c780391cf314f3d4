import { createHash } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UpdateSettings, UpdateState } from '../../../../src/shared/contracts/updates'

// electron-updater itself (its AppImage updater, what Linux builds use), against a generic feed on
// 127.0.0.1. Electron cannot run here, and vi.mock does not reach the require('electron') inside a
// CommonJS dependency, so a fake goes into Node's module cache first: the app members
// electron-updater reads, net.request on node:http, and a session.
const require = createRequire(import.meta.url)
const quitHandlers: ((event: unknown, exitCode: number) => void)[] = []
let work = ''
const fakeApp = {
  isPackaged: true,
  getVersion: () => '0.1.0',
  getName: () => 'Holdfast',
  getAppPath: () => work,
  getPath: () => join(work, 'userData'),
  whenReady: () => Promise.resolve(),
  once: (event: string, handler: (event: unknown, exitCode: number) => void) => {
    if (event === 'quit') quitHandlers.push(handler)
  },
  quit: vi.fn(),
  relaunch: vi.fn()
}
const fakeElectron = {
  app: fakeApp,
  // Node's request ignores the options only Electron's has (session, redirect).
  net: { request },
  session: { fromPartition: () => ({}) },
  autoUpdater: new EventEmitter()
}
const electronPath = require.resolve('electron')
require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fakeElectron } as NodeJS.Module

const { AppImageUpdater } = (await import('electron-updater')).default
const { AppUpdates } = await import('../../../../src/main/updates/appUpdates')

const OLD_APP = '#!/bin/sh\n# Holdfast 0.1.0\nexit 0\n'
const NEW_APP = `#!/bin/sh\n# Holdfast 0.2.0\nexit 0\n${'#'.repeat(200_000)}\n`
const sha512 = (text: string): string => createHash('sha512').update(text).digest('base64')

type Serving = 'verified' | 'cut-off' | 'wrong-bytes'
let serving: Serving = 'verified'
const requested: string[] = []
let server: Server
let feed = ''

function channelFile(): string {
  return [
    'version: 0.2.0',
    'files:',
    '  - url: Holdfast-0.2.0.AppImage',
    `    sha512: ${sha512(NEW_APP)}`,
    `    size: ${Buffer.byteLength(NEW_APP)}`,
    'path: Holdfast-0.2.0.AppImage',
    `sha512: ${sha512(NEW_APP)}`,
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    ''
  ].join('\n')
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requested.push(path)
    if (path === '/latest-linux.yml' || path === '/custom/beta-linux.yml') return void res.end(channelFile())
    if (path.endsWith('/Holdfast-0.2.0.AppImage')) {
      const body = Buffer.from(NEW_APP)
      res.writeHead(200, { 'content-length': body.length })
      if (serving === 'verified') return void res.end(body)
      // The same length with other bytes: what a corrupted mirror or a tampered file looks like.
      if (serving === 'wrong-bytes') return void res.end(Buffer.from(NEW_APP.replace('0.2.0', '6.6.6')))
      // Half the file, then the connection drops.
      res.write(body.subarray(0, body.length / 2))
      return void setTimeout(() => res.socket?.destroy(), 20)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'holdfast-updater-'))
  mkdirSync(join(work, 'resources'))
  // What electron-builder writes into a build published to a generic feed.
  writeFileSync(join(work, 'resources', 'app-update.yml'), `provider: generic\nurl: ${feed}\nupdaterCacheDirName: holdfast-updater\n`)
  writeFileSync(join(work, 'Holdfast.AppImage'), OLD_APP)
  chmodSync(join(work, 'Holdfast.AppImage'), 0o755)
  vi.stubEnv('APPIMAGE', join(work, 'Holdfast.AppImage'))
  vi.stubEnv('XDG_CACHE_HOME', join(work, 'cache'))
  Object.assign(process, { resourcesPath: join(work, 'resources') })
  quitHandlers.length = 0
  requested.length = 0
  fakeApp.quit.mockClear()
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(work, { recursive: true, force: true })
})

function startUpdates(settings: Partial<UpdateSettings> = {}) {
  const updater = new AppImageUpdater()
  updater.logger = null
  const states: UpdateState[] = []
  const updates = new AppUpdates({
    updater,
    packaged: true,
    online: () => true,
    lastCheck: { read: () => null, write: () => undefined },
    onState: (state) => states.push(state),
    beforeInstall: () => Promise.resolve(),
    restart: () => undefined
  })
  updates.receive({ type: 'update-settings', settings: { automatic: true, channel: 'latest', feedUrl: '', ...settings } })
  const settled = async (): Promise<UpdateState> => {
    await vi.waitFor(() => expect(['ready', 'error', 'idle']).toContain(updates.current.kind), { timeout: 10_000 })
    return updates.current
  }
  return { updates, states, settled }
}

function quitTheApp(): void {
  for (const handler of quitHandlers) handler({}, 0)
}

const installedApp = (): string => readFileSync(join(work, 'Holdfast.AppImage'), 'utf8')
const pendingFiles = (): string[] => readdirSync(join(work, 'cache', 'holdfast-updater', 'pending')).filter((name) => name !== 'update-info.json')

describe('AppUpdates with electron-updater and a generic feed', () => {
  it('installs a verified download when the app quits, in place of the running version', async () => {
    const { states, settled } = startUpdates()
    expect(await settled()).toEqual({ kind: 'ready', version: '0.2.0' })
    expect(states.map((s) => s.kind)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']))
    expect(requested).toContain('/latest-linux.yml')
    quitTheApp()
    expect(installedApp()).toBe(NEW_APP)
  })

  it('a download cut off halfway ends in an error, installs nothing and leaves the running version alone', async () => {
    serving = 'cut-off'
    try {
      const { updates, settled } = startUpdates()
      expect(await settled()).toMatchObject({ kind: 'error', message: expect.stringMatching(/download was interrupted .*this version keeps working/) as unknown })
      updates.receive({ type: 'update-command', command: 'install' })
      quitTheApp()
      expect(quitHandlers).toEqual([])
      expect(fakeApp.quit).not.toHaveBeenCalled()
      expect(installedApp()).toBe(OLD_APP)
      expect(pendingFiles()).toEqual([])
    } finally {
      serving = 'verified'
    }
  })

  it('a download whose bytes do not match the feed’s sha512 is thrown away and never installed', async () => {
    serving = 'wrong-bytes'
    try {
      const { updates, settled } = startUpdates()
      expect(await settled()).toMatchObject({ kind: 'error', message: expect.stringMatching(/did not match its published checksum/) as unknown })
      updates.receive({ type: 'update-command', command: 'install' })
      quitTheApp()
      expect(quitHandlers).toEqual([])
      expect(installedApp()).toBe(OLD_APP)
      expect(pendingFiles()).toEqual([])
    } finally {
      serving = 'verified'
    }
  })

  it('with automatic updates off, a downloaded update waits for "Restart and install"', async () => {
    const { updates } = startUpdates({ automatic: false })
    updates.receive({ type: 'update-command', command: 'check' })
    await vi.waitFor(() => expect(updates.current).toEqual({ kind: 'ready', version: '0.2.0' }), { timeout: 10_000 })
    quitTheApp()
    expect(installedApp()).toBe(OLD_APP)
    updates.receive({ type: 'update-command', command: 'install' })
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled())
    expect(installedApp()).toBe(NEW_APP)
  })

  it('reads the channel file of the chosen channel from the feed in the settings, and says when it has none', async () => {
    const first = startUpdates({ channel: 'beta', feedUrl: `${feed}/custom/` })
    expect(await first.settled()).toEqual({ kind: 'ready', version: '0.2.0' })
    expect(requested).toContain('/custom/beta-linux.yml')
    expect(requested).not.toContain('/latest-linux.yml')

    const second = startUpdates({ channel: 'beta', feedUrl: `${feed}/elsewhere/` })
    expect(await second.settled()).toEqual({
      kind: 'error',
      message: 'The update feed has no releases for this channel and system (beta-linux.yml is missing). Check the feed address and channel in Settings → Updates.'
    })
  })
})
