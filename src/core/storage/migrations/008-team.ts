import type { Migration } from './migration'

/**
 * Team sharing: at most one row, the team this workspace is shared with. The team key is kept
 * encrypted by the OS keychain (`encrypted_key`), or outside the database in headless mode
 * (a 0600 file next to it), so a backup or an exported archive never holds it in clear.
 */
export const teamMigration: Migration = {
  version: 8,
  name: 'team',
  up(db) {
    db.exec(`
      CREATE TABLE team (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        workspace_id TEXT NOT NULL,
        name TEXT NOT NULL,
        joined_at INTEGER NOT NULL,
        encrypted_key BLOB
      ) STRICT;
    `)
  }
}
