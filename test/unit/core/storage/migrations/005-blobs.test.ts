import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { blobsMigration } from '../../../../../src/core/storage/migrations/005-blobs'

describe('migration 005: blobs', () => {
  it('stores each hash once', () => {
    const db = new Database(':memory:')
    blobsMigration.up(db)
    const insert = db.prepare('INSERT INTO blobs (hash, mime, bytes, created_at) VALUES (?, ?, ?, ?)')
    insert.run('h', 'image/png', Buffer.from([1]), 1)
    expect(() => insert.run('h', 'image/png', Buffer.from([1]), 2)).toThrow(/UNIQUE|PRIMARY KEY/)
  })
})
