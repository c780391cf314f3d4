import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { teamMigration } from '../../../../../src/core/storage/migrations/008-team'
import { teamKeyChangedMigration } from '../../../../../src/core/storage/migrations/011-team-key-changed'

describe('migration 011: team key changed', () => {
  it('says a team stored before it never changed its key, and records when one does', () => {
    const db = new Database(':memory:')
    teamMigration.up(db)
    db.prepare("INSERT INTO team (id, workspace_id, name, joined_at) VALUES (1, 'w', 'Desk', 1)").run()
    teamKeyChangedMigration.up(db)
    expect(db.prepare('SELECT key_changed_at FROM team').get()).toEqual({ key_changed_at: null })
    db.prepare('UPDATE team SET key_changed_at = 5').run()
    expect(db.prepare('SELECT key_changed_at FROM team').get()).toEqual({ key_changed_at: 5 })
  })
})
