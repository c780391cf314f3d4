import { closeSync, openSync, readSync } from 'node:fs'
import Database from 'better-sqlite3'
import { migrate, schemaVersion } from '../storage/migrate'
import { LATEST_SCHEMA_VERSION, migrations } from '../storage/migrations'
import { damaged, notHoldfast, notSqlite, tooNew } from './archiveError'

const SQLITE_HEADER = 'SQLite format 3\u0000'

/**
 * Checks that an unpacked holdfast.db is a sound Holdfast workspace: an SQLite file that passes
 * PRAGMA integrity_check, of a schema version this Holdfast knows, holding exactly the tables
 * and indexes that version's migrations make (no triggers or views of unknown origin). Throws
 * the ArchiveError saying what is wrong. Synchronous and slow on a big file: run it off the RPC
 * loop (see unpackOffThread.ts).
 */
export function checkDatabase(file: string): void {
  if (!hasSqliteHeader(file)) throw notSqlite()
  let db: Database.Database
  try {
    db = new Database(file, { fileMustExist: true })
  } catch {
    throw notSqlite()
  }
  try {
    const integrity = runCheck(() => db.pragma('integrity_check', { simple: true }))
    if (integrity !== 'ok') throw damaged(`its holdfast.db fails SQLite’s integrity check (${String(integrity)})`)
    const version = schemaVersion(db)
    if (version > LATEST_SCHEMA_VERSION) throw tooNew(version, LATEST_SCHEMA_VERSION)
    if (version < 1) throw notHoldfast('it has no Holdfast schema version')
    const found = schemaObjects(db)
    const expected = expectedSchema(version)
    const missing = [...expected].filter((name) => !found.has(name))
    if (missing.length > 0) throw notHoldfast(`it lacks ${missing.join(', ')}`)
    const unknown = [...found].filter((name) => !expected.has(name))
    if (unknown.length > 0) throw notHoldfast(`it holds ${unknown.join(', ')}, which Holdfast never makes`)
  } finally {
    db.close()
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

/** SQLite refuses some broken files with an error instead of a report; either way it is damaged. */
function runCheck(check: () => unknown): unknown {
  try {
    return check()
  } catch (error) {
    throw damaged(`its holdfast.db cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
}

/** "table settings", "index doc_updates_by_doc"…: the database's own objects, not SQLite's internal ones. */
function schemaObjects(db: Database.Database): Set<string> {
  const rows = db
    .prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .all()
  return new Set(rows.map((row) => `${row.type} ${row.name}`))
}

const schemas = new Map<number, Set<string>>()

/** What the migrations up to `version` create, found by running them on an empty database. */
function expectedSchema(version: number): Set<string> {
  let schema = schemas.get(version)
  if (!schema) {
    const empty = new Database(':memory:')
    migrate(empty, migrations.filter((m) => m.version <= version))
    schema = schemaObjects(empty)
    empty.close()
    schemas.set(version, schema)
  }
  return schema
}
