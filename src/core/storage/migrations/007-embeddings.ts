import type { Migration } from './migration'

/**
 * Semantic search: each draft's text cut into chunks, each chunk's vector from the local
 * embeddings model (Float32 little-endian bytes). `embedding_docs` records which text and which
 * model a draft's chunks were made from, so unchanged drafts are skipped and a different model
 * re-embeds. Both go with their document (ON DELETE CASCADE).
 */
export const embeddingsMigration: Migration = {
  version: 7,
  name: 'embeddings',
  up(db) {
    db.exec(`
      CREATE TABLE embedding_docs (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        embedded_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE embedding_chunks (
        doc_id TEXT NOT NULL REFERENCES embedding_docs (doc_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        hash TEXT NOT NULL,
        text TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (doc_id, position)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
