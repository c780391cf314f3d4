import type { Migration } from './migration'

/**
 * Team sync catch-up: for each document, the change marker of the workspace index (the draft's
 * "last edited" time) at which this device last held the team's latest version of it. A document
 * whose marker in the index differs is fetched from teammates in the background.
 */
export const syncMarkersMigration: Migration = {
  version: 9,
  name: 'sync-markers',
  up(db) {
    db.exec(`
      CREATE TABLE sync_markers (
        doc_id TEXT PRIMARY KEY,
        marker INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
