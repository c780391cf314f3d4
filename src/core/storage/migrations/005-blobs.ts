import type { Migration } from './migration'

/** Binary content referenced from documents (images), stored once per distinct content. */
export const blobsMigration: Migration = {
  version: 5,
  name: 'blobs',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
