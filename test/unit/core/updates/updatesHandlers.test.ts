import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import type { CoreClient } from '../../../../src/shared/contracts'
import type { UpdatesOverview } from '../../../../src/shared/contracts/updates'
import type { CoreUpdateMessage } from '../../../../src/shared/coreHostMessages'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const cores: Core[] = []
const closers: (() => void)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) close()
  for (const core of cores.splice(0)) await core.close()
})

function started(withMain: boolean, dataDir = tempDir()): { core: Core; client: CoreClient; sent: CoreUpdateMessage[] } {
  const sent: CoreUpdateMessage[] = []
  const core = startCore({ dataDir, log: silentLog, ...(withMain ? { updaterHost: (message: CoreUpdateMessage) => sent.push(message) } : {}) })
  cores.push(core)
  const connection = connect(core)
  closers.push(() => connection.close())
  return { core, client: connection.client, sent }
}

/** The first `count` overviews the window's stream gives; `during` runs once the first has arrived. */
async function watched(client: CoreClient, count: number, during: () => unknown = () => undefined): Promise<UpdatesOverview[]> {
  const seen: UpdatesOverview[] = []
  const abort = new AbortController()
  try {
    for await (const overview of await client.updates.watch(undefined, { signal: abort.signal })) {
      seen.push(overview)
      if (seen.length === 1) void during()
      if (seen.length === count) break
    }
  } finally {
    abort.abort()
  }
  return seen
}

const defaults = { automatic: true, channel: 'latest', feedUrl: '' }

describe('updates over RPC', () => {
  it('headless mode: the window hears that updates are not available, and the commands go nowhere', async () => {
    const { client, sent } = started(false)
    expect(await watched(client, 1)).toEqual([
      { state: { kind: 'unavailable', message: 'Updates are not available in headless mode: it updates when a new version of Holdfast is installed.' }, settings: defaults }
    ])
    await client.updates.checkNow()
    await client.updates.installNow()
    expect(sent).toEqual([])
  })

  it('the app: main hears the update settings at start and after a change, which is kept in the data folder, not the database', async () => {
    const dataDir = tempDir()
    const { client, sent } = started(true, dataDir)
    expect(sent[0]).toEqual({ type: 'update-settings', settings: defaults })
    expect(await client.updates.configure({ automatic: false, channel: 'beta' })).toEqual({ ...defaults, automatic: false, channel: 'beta' })
    expect(sent.at(-1)).toEqual({ type: 'update-settings', settings: { ...defaults, automatic: false, channel: 'beta' } })
    expect(JSON.parse(readFileSync(join(dataDir, 'update-settings.json'), 'utf8'))).toEqual({ ...defaults, automatic: false, channel: 'beta' })
    expect(await client.settings.get()).not.toHaveProperty('channel')
  })

  it('refuses a feed address that is not https (or http to this computer), and unknown settings', async () => {
    const { client } = started(true)
    await expect(client.updates.configure({ feedUrl: 'http://updates.example.com/holdfast' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(client.updates.configure({ feedUrl: 'https://me:secret@updates.example.com/' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(client.updates.configure({ channel: 'nightly' } as never)).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(client.updates.configure({ allowDowngrade: true } as never)).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    expect((await client.updates.configure({ feedUrl: 'http://127.0.0.1:8080/feed' })).feedUrl).toBe('http://127.0.0.1:8080/feed')
  })

  it('main hears when the AI generates an answer', async () => {
    const { client, sent } = started(true)
    const events = []
    for await (const event of await client.ai.assist({ request: { action: 'grammar', text: 'This are a test.' }, localOnly: false })) events.push(event)
    expect(events.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })
    expect(sent.filter((m) => m.type === 'ai-activity')).toEqual([
      { type: 'ai-activity', generating: false },
      { type: 'ai-activity', generating: true },
      { type: 'ai-activity', generating: false }
    ])
  })

  it('relays main’s state and the settings to the window, and the window’s commands to main', async () => {
    const { core, client, sent } = started(true)
    const seen = await watched(client, 4, async () => {
      core.updateStateChanged({ kind: 'downloading', version: '0.2.0', percent: 42 })
      core.updateStateChanged({ kind: 'ready', version: '0.2.0' })
      await client.updates.configure({ automatic: false })
    })
    expect(seen).toEqual([
      { state: { kind: 'idle', lastCheckAt: null }, settings: defaults },
      { state: { kind: 'downloading', version: '0.2.0', percent: 42 }, settings: defaults },
      { state: { kind: 'ready', version: '0.2.0' }, settings: defaults },
      { state: { kind: 'ready', version: '0.2.0' }, settings: { ...defaults, automatic: false } }
    ])
    await client.updates.checkNow()
    await client.updates.installNow()
    expect(sent.filter((m) => m.type === 'update-command')).toEqual([
      { type: 'update-command', command: 'check' },
      { type: 'update-command', command: 'install' }
    ])
  })
})
