import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../../src/core'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { recordUpdates, textOf } from '../../../support/yjs'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function start(dataDir: string) {
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  return connect(core).client
}

describe('backups over RPC', () => {
  it('restores a backup as the workspace, keeping the replaced database aside', async () => {
    const dataDir = tempDir()
    const client = start(dataDir)
    await client.docs.create({ docId: 'd', kind: 'draft' })
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    doc.getText('text').insert(0, 'before backup')
    await client.docs.append({ docId: 'd', updates: updates.splice(0) })
    const backup = await client.backups.create()
    doc.getText('text').insert(0, 'after backup, ')
    await client.docs.append({ docId: 'd', updates: updates.splice(0) })
    expect(textOf((await client.docs.load({ docId: 'd' })).updates)).toBe('after backup, before backup')

    expect((await client.backups.list()).map((b) => b.id)).toEqual([backup.id])
    await client.backups.restore({ id: backup.id })
    expect(textOf((await client.docs.load({ docId: 'd' })).updates)).toBe('before backup')
    // The database that was replaced is still there, moved aside and backed up first.
    expect(readdirSync(dataDir).some((f) => /^holdfast\.replaced-.+\.db$/.test(f))).toBe(true)
    expect((await client.backups.list()).map((b) => b.reason)).toContain('before-restore')
  })

  it('refuses unknown, damaged and path-like backup names', async () => {
    const dataDir = tempDir()
    const client = start(dataDir)
    await expect(client.backups.restore({ id: 'holdfast-daily-2026-01-01T00-00-00-000Z.db' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(client.backups.restore({ id: '../holdfast.db' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    const damaged = 'holdfast-daily-2026-01-02T00-00-00-000Z.db'
    await client.backups.create()
    writeFileSync(join(dataDir, 'backups', damaged), 'garbage'.repeat(200))
    await expect(client.backups.restore({ id: damaged })).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' })
    expect(existsSync(join(dataDir, 'holdfast.db'))).toBe(true)
  })

  it('offers healthy backups when the database is found damaged at start', async () => {
    const dataDir = tempDir()
    const client = start(dataDir)
    const backup = await client.backups.create()
    await cores.pop()?.close()
    writeFileSync(join(dataDir, 'holdfast.db'), 'garbage'.repeat(1000))
    const status = await start(dataDir).app.status()
    const notice = status.notices[0]
    expect(notice?.kind).toBe('database-moved-aside')
    expect(notice?.kind === 'database-moved-aside' && notice.backups.map((b) => b.id)).toEqual([backup.id])
  })
})
