import type { Migration } from './migration'

/**
 * The internet servers a team's sync may use, kept with the team (none by default): signaling
 * servers and STUN/TURN addresses as JSON arrays, the TURN user name, and its password encrypted
 * by the OS keychain (in headless mode a 0600 file beside the database instead, so NULL here).
 */
export const teamNetworkMigration: Migration = {
  version: 10,
  name: 'team-network',
  up(db) {
    db.exec(`
      ALTER TABLE team ADD COLUMN signaling_servers TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE team ADD COLUMN ice_servers TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE team ADD COLUMN turn_username TEXT NOT NULL DEFAULT '';
      ALTER TABLE team ADD COLUMN encrypted_turn_password BLOB;
    `)
  }
}
