import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { documentsMigration } from '../../../../../src/core/storage/migrations/002-documents'
import { versionsMigration } from '../../../../../src/core/storage/migrations/004-versions'

describe('migration 004: versions', () => {
  it('stores versions of existing documents of the known kinds, and drops them with the document', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    documentsMigration.up(db)
    versionsMigration.up(db)
    db.prepare("INSERT INTO documents VALUES ('d', 'draft', 1)").run()
    const insert = db.prepare('INSERT INTO doc_versions (doc_id, kind, name, state, text, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    insert.run('d', 'named', 'v1', Buffer.from([0, 0]), '', 1)
    expect(() => insert.run('d', 'weekly', null, Buffer.from([0, 0]), '', 1)).toThrow(/CHECK/)
    expect(() => insert.run('ghost', 'auto', null, Buffer.from([0, 0]), '', 1)).toThrow(/FOREIGN KEY/)
    db.prepare("DELETE FROM documents WHERE id = 'd'").run()
    expect(db.prepare('SELECT count(*) FROM doc_versions').pluck().get()).toBe(0)
  })
})
