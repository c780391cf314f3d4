import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../src/core/storage/migrate'
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../src/core/storage/migrations'
import type { Migration } from '../../../../src/core/storage/migrations/migration'

describe('migrate', () => {
  it('numbers migrations 1, 2, 3… with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length)
  })

  it('applies pending migrations once and records the version', () => {
    const db = new Database(':memory:')
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version))
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(migrate(db, migrations)).toEqual([])
    db.close()
  })

  it('rolls back a failing migration whole and keeps the earlier ones', () => {
    const db = new Database(':memory:')
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half (id INTEGER)')
        throw new Error('disk full')
      }
    }
    const first: Migration = { version: 1, name: 'first', up: (d) => d.exec('CREATE TABLE first (id INTEGER)') }
    expect(() => migrate(db, [first, broken])).toThrow('disk full')
    expect(schemaVersion(db)).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(['first'])
    db.close()
  })
})
