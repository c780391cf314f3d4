import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { searchMigration } from '../../../../../src/core/storage/migrations/003-search'

describe('migration 003: search', () => {
  it('creates a full-text index that folds case and accents', () => {
    const db = new Database(':memory:')
    searchMigration.up(db)
    db.prepare('INSERT INTO search_index (rowid, doc_id, title, body) VALUES (1, ?, ?, ?)').run('d', 'Élection', 'Le débat')
    expect(db.prepare("SELECT doc_id FROM search_index WHERE search_index MATCH 'election'").pluck().all()).toEqual(['d'])
    expect(db.prepare("SELECT doc_id FROM search_index WHERE search_index MATCH 'DEBAT'").pluck().all()).toEqual(['d'])
  })
})
