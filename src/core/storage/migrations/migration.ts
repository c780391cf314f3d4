import type { Database } from 'better-sqlite3'

/** One numbered, forward-only schema change. The database's user_version is the last one applied. */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
