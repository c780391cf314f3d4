import { isDefinedError, ORPCError } from '@orpc/client'
import Database from 'better-sqlite3'
import { MessageChannel } from 'node:worker_threads'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../../src/shared/contracts/settings'
import { startCore, DATABASE_FILE, type Core } from '../../../../src/core'
import { connect, nextFrame, portTransport, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function core(dataDir = tempDir(), log = silentLog): Core {
  const started = startCore({ dataDir, log })
  cores.push(started)
  return started
}

describe('the core over RPC', () => {
  it('reports its status and serves settings', async () => {
    const { client } = connect(core())
    const status = await client.app.status()
    expect(status.storage).toBe('ready')
    expect(status.notices).toEqual([])
    expect(await client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
    expect(await client.settings.update({ theme: 'dark', versionRetentionDays: 90 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    expect(await client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  })

  it('refuses invalid parameters with a typed error naming the field, and stores nothing', async () => {
    const { client } = connect(core())
    // @ts-expect-error: a value the contract does not allow, as a buggy or hostile renderer might send
    const call = client.settings.update({ theme: 'sepia' })
    const error = await call.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ORPCError)
    expect(error).toMatchObject({ code: 'INPUT_INVALID', status: 422 })
    expect((error as Error).message).toMatch(/^The request was refused: theme: /)
    // @ts-expect-error: unknown keys are refused, not silently dropped
    await expect(client.settings.update({ fontSize: 12 })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    expect(await client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('answers an unknown method with NOT_FOUND', async () => {
    const { client } = connect(core())
    const unknown = (client as unknown as { settings: { erase(): Promise<unknown> } }).settings.erase()
    await expect(unknown).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('answers malformed frames with BAD_REQUEST and keeps serving', async () => {
    const warn = vi.fn()
    const served = core(tempDir(), { warn, error: silentLog.error })
    const { port1, port2 } = new MessageChannel()
    served.serve(portTransport(port1))
    port2.start()

    const frames: unknown[] = ['not json {', JSON.stringify({ i: 7, p: { nope: true } }), 42, JSON.stringify([1, 2])]
    for (const frame of frames) {
      const reply = nextFrame(port2)
      port2.postMessage(frame)
      const parsed = JSON.parse((await reply) as string) as { i: unknown; p: { s: number; b: { json: { code: string; message: string } } } }
      expect(parsed.p.s).toBe(400)
      expect(parsed.p.b.json.code).toBe('BAD_REQUEST')
      expect(parsed.p.b.json.message).toMatch(/^Malformed RPC frame: /)
    }
    expect(warn).toHaveBeenCalledTimes(frames.length)
    port2.close()

    // The same core still answers well-formed calls.
    const { client } = connect(served)
    expect(await client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('echoes the request id of a malformed request so the caller can match the error', async () => {
    const served = core()
    const { port1, port2 } = new MessageChannel()
    served.serve(portTransport(port1))
    port2.start()
    const reply = nextFrame(port2)
    port2.postMessage(JSON.stringify({ i: 'abc', p: { u: 42 } }))
    expect(JSON.parse((await reply) as string)).toMatchObject({ i: 'abc', p: { s: 400 } })
    port2.close()
  })

  it('answers a call too large for one frame with an error instead of leaving the caller waiting', async () => {
    const { client } = connect(core())
    await client.docs.create({ docId: 'big', kind: 'draft' })
    // Three updates of 3 MiB each are each allowed, but together they need a frame of 12M characters.
    const update = new Uint8Array(3 * 1024 * 1024).fill(7)
    await expect(client.docs.append({ docId: 'big', updates: [update, update, update] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/exceeds the limit/) as unknown
    })
    expect((await client.docs.load({ docId: 'big' })).updateCount).toBe(0)
  })

  it('streams settings changes to every connection until the stream is cancelled', async () => {
    const served = core()
    const watcher = connect(served)
    const editor = connect(served)
    const abort = new AbortController()
    const stream = await watcher.client.settings.changes(undefined, { signal: abort.signal })
    const seen: string[] = []
    const reading = (async () => {
      for await (const settings of stream) {
        seen.push(settings.theme)
        if (settings.theme === 'system' && seen.length === 1) await editor.client.settings.update({ theme: 'light', versionRetentionDays: 90 })
        else if (settings.theme === 'light') await editor.client.settings.update({ theme: 'dark', versionRetentionDays: 90 })
        else abort.abort()
      }
    })()
    await reading.catch((error: unknown) => {
      if (!abort.signal.aborted) throw error
    })
    expect(seen).toEqual(['system', 'light', 'dark'])
    // After cancelling, later changes are no longer delivered, and the connection still works.
    await editor.client.settings.update({ theme: 'system', versionRetentionDays: 90 })
    expect(await watcher.client.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'system' })
  })

  it('says storage is unavailable, with a typed error, while the database is from a newer Holdfast', async () => {
    const dataDir = tempDir()
    const newer = new Database(join(dataDir, DATABASE_FILE))
    newer.pragma('user_version = 99')
    newer.close()
    const { client } = connect(core(dataDir))
    const status = await client.app.status()
    expect(status.storage).toBe('blocked')
    expect(status.notices[0]?.kind).toBe('database-too-new')
    const error = await client.settings.update({ theme: 'dark', versionRetentionDays: 90 }).catch((e: unknown) => e)
    expect(isDefinedError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', data: { reason: 'database-too-new' } })
  })
})
