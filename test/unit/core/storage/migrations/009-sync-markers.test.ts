import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { syncMarkersMigration } from '../../../../../src/core/storage/migrations/009-sync-markers'

describe('migration 009: sync markers', () => {
  it('keeps one marker per document', () => {
    const db = new Database(':memory:')
    syncMarkersMigration.up(db)
    const insert = db.prepare("INSERT INTO sync_markers (doc_id, marker) VALUES ('d1', 5)")
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/)
  })
})
