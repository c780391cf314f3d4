import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { aiMigration } from '../../../../../src/core/storage/migrations/006-ai'

describe('migration 006: ai', () => {
  it('adds the provider and usage tables; usage is one row per provider and month', () => {
    const db = new Database(':memory:')
    aiMigration.up(db)
    db.prepare("INSERT INTO ai_providers (id, position, config) VALUES ('openai', 0, '{}')").run()
    const insert = db.prepare("INSERT INTO ai_usage (provider_id, month) VALUES ('openai', '2026-11')")
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/)
  })
})
