import Database from 'better-sqlite3'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupName, backupNow, backupOnline, isHealthyBackup, listBackups, pruneBackups } from '../../../../src/core/backup/backupFiles'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

function dbWithRow(file: string): Database.Database {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')")
  return db
}

describe('backups', () => {
  it('copies the database consistently, online or at once, and lists newest first', async () => {
    const dir = tempDir()
    const db = dbWithRow(join(dir, 'holdfast.db'))
    const backups = join(dir, 'backups')
    backupNow(db, backups, 'before-migration', new Date('2026-11-20T10:00:00.000Z'))
    await backupOnline(db, backups, 'daily', new Date('2026-11-21T10:00:00.000Z'))
    writeFileSync(join(backups, 'notes.txt'), 'not a backup')
    const list = listBackups(backups)
    expect(list.map((b) => [b.reason, new Date(b.createdAt).toISOString()])).toEqual([
      ['daily', '2026-11-21T10:00:00.000Z'],
      ['before-migration', '2026-11-20T10:00:00.000Z']
    ])
    for (const backup of list) {
      expect(isHealthyBackup(join(backups, backup.id))).toBe(true)
      // Self-contained: checking or opening a backup leaves no -wal or -shm beside it.
      expect(existsSync(join(backups, `${backup.id}-wal`))).toBe(false)
      const copy = new Database(join(backups, backup.id), { readonly: true })
      expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe('kept')
      copy.close()
    }
    db.close()
  })

  it('keeps only the newest seven', () => {
    const dir = tempDir()
    for (let day = 1; day <= 9; day++) writeFileSync(join(dir, backupName('daily', new Date(Date.UTC(2026, 10, day)))), 'x')
    pruneBackups(dir)
    const kept = listBackups(dir)
    expect(kept).toHaveLength(7)
    expect(new Date(kept.at(-1)?.createdAt ?? 0).getUTCDate()).toBe(3)
  })

  it('calls a damaged file unhealthy', () => {
    const file = join(tempDir(), backupName('daily', new Date()))
    writeFileSync(file, 'garbage'.repeat(100))
    expect(isHealthyBackup(file)).toBe(false)
    expect(isHealthyBackup(join(tempDir(), 'missing.db'))).toBe(false)
  })
})
