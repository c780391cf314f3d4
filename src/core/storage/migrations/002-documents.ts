import type { Migration } from './migration'

/**
 * Yjs documents of every kind: an append-only update log plus, per document, a compacted
 * snapshot. `merged_seq` is the last log entry the snapshot covers; `pending` keeps updates
 * whose dependencies had not arrived when the snapshot was made.
 */
export const documentsMigration: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('index', 'draft', 'design')),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE doc_snapshots (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        state BLOB NOT NULL,
        pending BLOB,
        merged_seq INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: sequence numbers never go back, even after compaction deletes the newest rows.
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
    `)
  }
}
