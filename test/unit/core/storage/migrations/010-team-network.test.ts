import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { teamMigration } from '../../../../../src/core/storage/migrations/008-team'
import { teamNetworkMigration } from '../../../../../src/core/storage/migrations/010-team-network'

describe('migration 010: team network', () => {
  it('gives a team stored before it no internet servers', () => {
    const db = new Database(':memory:')
    teamMigration.up(db)
    db.prepare("INSERT INTO team (id, workspace_id, name, joined_at) VALUES (1, 'w', 'Desk', 1)").run()
    teamNetworkMigration.up(db)
    expect(db.prepare('SELECT signaling_servers, ice_servers, turn_username, encrypted_turn_password FROM team').get()).toEqual({
      signaling_servers: '[]',
      ice_servers: '[]',
      turn_username: '',
      encrypted_turn_password: null
    })
  })
})
