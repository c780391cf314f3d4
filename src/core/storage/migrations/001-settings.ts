import type { Migration } from './migration'

export const settingsMigration: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,       -- JSON, validated against SettingsSchema on read and write
        updated_at INTEGER NOT NULL
      ) STRICT;
    `)
  }
}
