import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { teamMigration } from '../../../../../src/core/storage/migrations/008-team'

describe('migration 008: team', () => {
  it('holds at most one team, with its key optional (headless keeps it in a file)', () => {
    const db = new Database(':memory:')
    teamMigration.up(db)
    db.prepare("INSERT INTO team (id, workspace_id, name, joined_at) VALUES (1, 'a', 'Desk', 1)").run()
    expect(() => db.prepare("INSERT INTO team (id, workspace_id, name, joined_at) VALUES (2, 'b', 'Other', 1)").run()).toThrow(/CHECK/)
    expect(db.prepare('SELECT encrypted_key FROM team').pluck().get()).toBeNull()
  })
})
