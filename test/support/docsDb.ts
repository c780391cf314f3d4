import Database from 'better-sqlite3'
import { migrate } from '../../src/core/storage/migrate'
import { migrations } from '../../src/core/storage/migrations'

/** An in-memory database at the latest schema. */
export function memoryDb(): Database.Database {
  const db = new Database(':memory:')
  migrate(db, migrations)
  return db
}
