import type { Migration } from './migration'

/**
 * AI settings: the configured cloud providers in chain order (with the API key only as the
 * bytes the OS keychain encrypted), the router policy's user-set part, and token use per month.
 */
export const aiMigration: Migration = {
  version: 6,
  name: 'ai',
  up(db) {
    db.exec(`
      CREATE TABLE ai_providers (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        config TEXT NOT NULL,
        encrypted_key BLOB
      ) STRICT;

      CREATE TABLE ai_usage (
        provider_id TEXT NOT NULL,
        month TEXT NOT NULL,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (provider_id, month)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
