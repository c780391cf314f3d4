import type { Database } from 'better-sqlite3'
import type { Team, TeamNetworkSettings } from '../../../shared/contracts/team'

export interface StoredTeam extends Team {
  encryptedKey: Uint8Array | null
}

/** The team row of the workspace database (migration 008). */
export class TeamStore {
  private readonly statements

  constructor(private readonly db: Database) {
    this.statements = {
      get: db.prepare<[], { workspace_id: string; name: string; joined_at: number; key_changed_at: number | null; encrypted_key: Buffer | null }>(
        'SELECT workspace_id, name, joined_at, key_changed_at, encrypted_key FROM team WHERE id = 1'
      ),
      setKey: db.prepare<[Uint8Array | null, string, number]>('UPDATE team SET encrypted_key = ?, name = ?, key_changed_at = ? WHERE id = 1'),
      insert: db.prepare<[string, string, number, Uint8Array | null]>(
        'INSERT INTO team (id, workspace_id, name, joined_at, encrypted_key) VALUES (1, ?, ?, ?, ?)'
      ),
      remove: db.prepare('DELETE FROM team'),
      markers: db.prepare<[], { doc_id: string; marker: number }>('SELECT doc_id, marker FROM sync_markers'),
      setMarker: db.prepare<[string, number]>(
        'INSERT INTO sync_markers (doc_id, marker) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET marker = excluded.marker'
      ),
      clearMarkers: db.prepare('DELETE FROM sync_markers'),
      network: db.prepare<[], { signaling_servers: string; ice_servers: string; turn_username: string; encrypted_turn_password: Buffer | null }>(
        'SELECT signaling_servers, ice_servers, turn_username, encrypted_turn_password FROM team WHERE id = 1'
      ),
      setNetwork: db.prepare<[string, string, string]>('UPDATE team SET signaling_servers = ?, ice_servers = ?, turn_username = ? WHERE id = 1'),
      setTurnPassword: db.prepare<[Uint8Array | null]>('UPDATE team SET encrypted_turn_password = ? WHERE id = 1')
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
      keyChangedAt: row.key_changed_at,
      encryptedKey: key ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : null
    }
  }

  /** Throws if a team is already stored (the CHECK on id allows one row). Markers of an earlier team are dropped. */
  insert(team: Omit<StoredTeam, 'keyChangedAt'>): void {
    this.statements.clearMarkers.run()
    this.statements.insert.run(team.workspaceId, team.name, team.joinedAt, team.encryptedKey)
  }

  /** A new key for the same team (and workspace): drafts and what this device holds of them stay. */
  setKey(encryptedKey: Uint8Array | null, name: string, changedAt: number): void {
    this.statements.setKey.run(encryptedKey, name, changedAt)
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

  /** The team's internet servers (migration 010), or null without a team. */
  network(): (TeamNetworkSettings & { encryptedTurnPassword: Uint8Array | null }) | null {
    const row = this.statements.network.get()
    if (!row) return null
    const password = row.encrypted_turn_password
    return {
      signalingServers: stringList(row.signaling_servers),
      iceServers: stringList(row.ice_servers),
      turnUsername: row.turn_username,
      encryptedTurnPassword: password ? new Uint8Array(password.buffer, password.byteOffset, password.byteLength) : null
    }
  }

  setNetwork(network: TeamNetworkSettings): void {
    this.statements.setNetwork.run(JSON.stringify(network.signalingServers), JSON.stringify(network.iceServers), network.turnUsername)
  }

  setTurnPassword(encrypted: Uint8Array | null): void {
    this.statements.setTurnPassword.run(encrypted)
  }
}

/** A stored JSON list of strings; anything else (a hand-edited row) reads as empty. */
function stringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}
