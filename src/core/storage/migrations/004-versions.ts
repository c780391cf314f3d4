import type { Migration } from './migration'

/**
 * Version history: full snapshots of a document (Yjs state plus its plain text for previews
 * and comparisons). Restoring one is a new forward edit made by the editor, not a rewind here.
 */
export const versionsMigration: Migration = {
  version: 4,
  name: 'versions',
  up(db) {
    db.exec(`
      CREATE TABLE doc_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'closed', 'named', 'before-restore')),
        name TEXT,
        state BLOB NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, created_at);
    `)
  }
}
