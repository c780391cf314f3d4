import type { Migration } from './migration'

/** When this device last took a new team key (it changed the key, or re-joined with a new invite). */
export const teamKeyChangedMigration: Migration = {
  version: 11,
  name: 'team-key-changed',
  up(db) {
    db.exec('ALTER TABLE team ADD COLUMN key_changed_at INTEGER')
  }
}
