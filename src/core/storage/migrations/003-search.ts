import type { Migration } from './migration'

/**
 * Full-text search over drafts, rebuilt from stored documents (so changes from peers are found
 * like local ones). One row per document, keyed by the documents table's rowid.
 */
export const searchMigration: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5 (
        doc_id UNINDEXED,
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `)
  }
}
