import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { documentsMigration } from '../../../../../src/core/storage/migrations/002-documents'

function migrated() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  documentsMigration.up(db)
  return db
}

describe('migration 002: documents', () => {
  it('accepts only known document kinds', () => {
    const db = migrated()
    db.prepare('INSERT INTO documents VALUES (?, ?, ?)').run('d1', 'draft', 1)
    expect(() => db.prepare('INSERT INTO documents VALUES (?, ?, ?)').run('d2', 'spreadsheet', 1)).toThrow(/CHECK/)
  })

  it('refuses updates for a document that does not exist', () => {
    const db = migrated()
    expect(() => db.prepare('INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)').run('ghost', Buffer.from([0, 0]), 1)).toThrow(/FOREIGN KEY/)
  })

  it('never reuses a sequence number, even after the newest entries are deleted', () => {
    const db = migrated()
    db.prepare('INSERT INTO documents VALUES (?, ?, ?)').run('d', 'draft', 1)
    const insert = db.prepare('INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)')
    insert.run('d', Buffer.from([0, 0]), 1)
    insert.run('d', Buffer.from([0, 0]), 1)
    db.exec('DELETE FROM doc_updates')
    expect(insert.run('d', Buffer.from([0, 0]), 1).lastInsertRowid).toBe(3)
  })
})
