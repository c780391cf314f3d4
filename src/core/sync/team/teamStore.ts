import type { Database } from 'better-sqlite3'
import type { Team } from '../../../shared/contracts/team'

export interface StoredTeam extends Team {
  encryptedKey: Uint8Array | null
}

/** The team row of the workspace database (migration 008). */
export class TeamStore {
  private readonly statements

  constructor(db: Database) {
    this.statements = {
      get: db.prepare<[], { workspace_id: string; name: string; joined_at: number; encrypted_key: Buffer | null }>(
        'SELECT workspace_id, name, joined_at, encrypted_key FROM team WHERE id = 1'
      ),
      insert: db.prepare<[string, string, number, Uint8Array | null]>(
        'INSERT INTO team (id, workspace_id, name, joined_at, encrypted_key) VALUES (1, ?, ?, ?, ?)'
      ),
      remove: db.prepare('DELETE FROM team')
    }
  }

  read(): StoredTeam | null {
    const row = this.statements.get.get()
    if (!row) return null
    const key = row.encrypted_key
    return {
      workspaceId: row.workspace_id,
      name: row.name,
      joinedAt: row.joined_at,
      encryptedKey: key ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : null
    }
  }

  /** Throws if a team is already stored (the CHECK on id allows one row). */
  insert(team: StoredTeam): void {
    this.statements.insert.run(team.workspaceId, team.name, team.joinedAt, team.encryptedKey)
  }

  remove(): void {
    this.statements.remove.run()
  }
}
