import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { settingsMigration } from '../../../../../src/core/storage/migrations/001-settings'

describe('migration 001: settings', () => {
  it('creates a settings table keyed by name that refuses values of the wrong type', () => {
    const db = new Database(':memory:')
    settingsMigration.up(db)
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('theme', '"dark"', 1)
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('theme')).toEqual({ value: '"dark"' })
    expect(() => db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('theme', '"light"', 2)).toThrow(/UNIQUE/)
    // STRICT: a timestamp must be an integer.
    expect(() => db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('x', '1', 'soon')).toThrow(/cannot store TEXT/)
    db.close()
  })
})
