import type { Database } from 'better-sqlite3'
import type { Team } from '../../../shared/contracts/team'

export interface StoredTeam extends Team {
  encryptedKey: Uint8Array | null
}

/** The team row of the workspace database (migration 008). */
export class TeamStore {
  private readonly statements

  constructor(private readonly db: Database) {
    this.statements = {
      get: db.prepare<[], { workspace_id: string; name: string; joined_at: number; encrypted_key: Buffer | null }>(
        'SELECT workspace_id, name, joined_at, encrypted_key FROM team WHERE id = 1'
      ),
      insert: db.prepare<[string, string, number, Uint8Array | null]>(
        'INSERT INTO team (id, workspace_id, name, joined_at, encrypted_key) VALUES (1, ?, ?, ?, ?)'
      ),
      remove: db.prepare('DELETE FROM team'),
      markers: db.prepare<[], { doc_id: string; marker: number }>('SELECT doc_id, marker FROM sync_markers'),
      setMarker: db.prepare<[string, number]>(
        'INSERT INTO sync_markers (doc_id, marker) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET marker = excluded.marker'
      ),
      clearMarkers: db.prepare('DELETE FROM sync_markers')
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

  /** Throws if a team is already stored (the CHECK on id allows one row). Markers of an earlier team are dropped. */
  insert(team: StoredTeam): void {
    this.statements.clearMarkers.run()
    this.statements.insert.run(team.workspaceId, team.name, team.joinedAt, team.encryptedKey)
  }

  remove(): void {
    this.statements.remove.run()
    this.statements.clearMarkers.run()
  }

  /** Per document, the index marker at which this device last held the team's latest version. */
  markers(): Record<string, number> {
    return Object.fromEntries(this.statements.markers.all().map((row) => [row.doc_id, row.marker]))
  }

  setMarkers(markers: readonly { docId: string; marker: number }[]): void {
    this.db.transaction(() => {
      for (const { docId, marker } of markers) this.statements.setMarker.run(docId, marker)
    })()
  }
}
