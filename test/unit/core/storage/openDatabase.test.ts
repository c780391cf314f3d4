import Database from 'better-sqlite3'
import { readdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../../../src/core/storage/openDatabase'
import { LATEST_SCHEMA_VERSION } from '../../../../src/core/storage/migrations'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const now = () => new Date('2026-11-22T08:00:00.000Z')

function readyDb(opened: OpenedDatabase): Database.Database {
  if (opened.state !== 'ready') throw new Error(`expected a ready database, got ${opened.state}`)
  return opened.db
}

describe('openDatabase', () => {
  it('creates a fresh database in WAL mode with synchronous=FULL and the latest schema', () => {
    const file = join(tempDir(), 'nested', 'holdfast.db')
    const opened = openDatabase(file, { now })
    expect(opened.state).toBe('ready')
    expect(opened.notices).toEqual([])
    const db = readyDb(opened)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    db.close()
  })

  it('moves a file that is not a database aside, tells the user, and starts fresh', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    writeFileSync(file, 'this is not a database, it is a shopping list '.repeat(200))
    writeFileSync(`${file}-wal`, 'stray wal')
    const opened = openDatabase(file, { now })
    expect(opened.state).toBe('ready')
    expect(opened.notices).toHaveLength(1)
    const [notice] = opened.notices
    if (!notice) throw new Error('no notice')
    expect(notice.kind).toBe('database-moved-aside')
    expect(notice.message).toMatch(/could not read its database/)
    expect(notice.message).toMatch(/moved aside, not deleted/)
    const aside = join(dir, 'holdfast.corrupt-2026-11-22T08-00-00-000Z.db')
    // SQLite's read-only check may add a -shm; every file moves together either way.
    expect(notice.kind === 'database-moved-aside' && notice.movedTo).toEqual(expect.arrayContaining([aside, `${aside}-wal`]))
    expect(readdirSync(dir).filter((f) => f.startsWith('holdfast.db'))).toEqual(['holdfast.db', 'holdfast.db-shm', 'holdfast.db-wal'])
    expect(readFileSync(aside, 'utf8')).toMatch(/^this is not a database/)
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('stray wal')
    // The fresh database works.
    readyDb(opened).prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"dark"', 1)
    readyDb(opened).close()
  })

  it('detects damaged pages inside a real database', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    const seed = new Database(file)
    seed.pragma('journal_mode = DELETE')
    seed.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX notes_body ON notes (body)')
    const insert = seed.prepare('INSERT INTO notes (body) VALUES (?)')
    seed.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`note number ${i} `.repeat(10))
    })()
    seed.close()
    // Scribble over the middle of the file, past the header page.
    const size = statSync(file).size
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, Math.floor(size / 2))
    closeSync(fd)

    const opened = openDatabase(file, { now })
    expect(opened.state).toBe('ready')
    expect(opened.notices.map((n) => n.kind)).toEqual(['database-moved-aside'])
    expect(readdirSync(dir).filter((f) => f.startsWith('holdfast.corrupt-'))).toHaveLength(1)
    readyDb(opened).close()
  })

  it('leaves a database from a newer Holdfast untouched and reports storage blocked', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    const newer = new Database(file)
    newer.exec('CREATE TABLE future (x)')
    newer.pragma('user_version = 99')
    newer.close()
    const before = readFileSync(file)

    const opened = openDatabase(file, { now })
    expect(opened.state).toBe('blocked')
    expect(opened.db).toBeNull()
    expect(opened.notices).toEqual([
      expect.objectContaining({ kind: 'database-too-new', foundVersion: 99, supportedVersion: LATEST_SCHEMA_VERSION })
    ])
    expect(opened.notices[0]?.message).toMatch(/newer version of Holdfast.*Update Holdfast/)
    expect(readdirSync(dir)).toEqual(['holdfast.db'])
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('backs up an existing database before migrating it', () => {
    const dir = tempDir()
    const file = join(dir, 'holdfast.db')
    const old = new Database(file)
    old.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT')
    old.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"dark"', 1)
    old.pragma('user_version = 1')
    old.close()
    const opened = openDatabase(file, { now })
    readyDb(opened).close()
    const backups = readdirSync(join(dir, 'backups'))
    expect(backups).toEqual(['holdfast-before-migration-2026-11-22T08-00-00-000Z.db'])
    const copy = new Database(join(dir, 'backups', backups[0] ?? ''), { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"')
    copy.close()
  })

  it('reopens its own database with the data intact', () => {
    const file = join(tempDir(), 'holdfast.db')
    const first = openDatabase(file, { now })
    readyDb(first).prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"light"', 1)
    readyDb(first).close()
    const second = openDatabase(file, { now })
    expect(second.notices).toEqual([])
    expect(readyDb(second).prepare('SELECT value FROM settings').pluck().get()).toBe('"light"')
    readyDb(second).close()
  })
})
