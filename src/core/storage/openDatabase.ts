import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { StartupNotice } from '../../shared/contracts/app'
import { backupDir, backupNow, isHealthyBackup, listBackups } from '../backup/backupFiles'
import { migrate, schemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import { moveDatabaseAside } from './quarantine'

export type OpenedDatabase =
  | { state: 'ready'; db: Database.Database; notices: StartupNotice[] }
  | { state: 'blocked'; db: null; notices: StartupNotice[] }

export interface OpenOptions {
  now?: () => Date
  supportedVersion?: number
}

/** SQLite error codes that mean "this file is not a usable database", as opposed to a bug of ours. */
const UNUSABLE_FILE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_IOERR_SHORT_READ'])

class UnusableDatabaseError extends Error {}

/**
 * Opens the workspace database at start. A corrupt or unreadable file is moved aside (with its
 * -wal and -shm) and a fresh one created; a file from a newer Holdfast is left untouched and
 * the storage is reported blocked. Either way the user gets a notice saying what happened.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const now = options.now ?? (() => new Date())
  const supported = options.supportedVersion ?? LATEST_SCHEMA_VERSION
  mkdirSync(dirname(file), { recursive: true })
  if (!existsSync(file)) return prepare(new Database(file), file, now(), [])

  let found: number
  try {
    found = inspect(file)
  } catch (error) {
    if (!(error instanceof UnusableDatabaseError)) throw error
    const movedTo = moveDatabaseAside(file, 'corrupt', now())
    const dir = backupDir(file)
    const backups = listBackups(dir).filter((b) => isHealthyBackup(join(dir, b.id)))
    const notice: StartupNotice = {
      kind: 'database-moved-aside',
      message:
        `Holdfast could not read its database (${error.message}). ` +
        'The damaged file was moved aside, not deleted, and Holdfast started with a fresh one.' +
        (backups.length > 0 ? ' You can restore your latest backup instead.' : ''),
      movedTo,
      backups
    }
    return prepare(new Database(file), file, now(), [notice])
  }

  if (found > supported) {
    const notice: StartupNotice = {
      kind: 'database-too-new',
      message:
        `This data was saved by a newer version of Holdfast (schema ${found}; this version understands up to ${supported}). ` +
        'Update Holdfast to open it. Nothing was changed.',
      foundVersion: found,
      supportedVersion: supported
    }
    return { state: 'blocked', db: null, notices: [notice] }
  }
  return prepare(new Database(file), file, now(), [])
}

function prepare(db: Database.Database, file: string, now: Date, notices: StartupNotice[]): OpenedDatabase {
  db.pragma('journal_mode = WAL')
  // FULL: a write the UI calls saved survives a power cut, not only a crash.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  const version = schemaVersion(db)
  // An existing database is copied before any migration touches it.
  if (version > 0 && version < LATEST_SCHEMA_VERSION) backupNow(db, backupDir(file), 'before-migration', now)
  migrate(db, migrations)
  return { state: 'ready', db, notices }
}

/**
 * Checks an existing file through a read-only connection, which can neither checkpoint nor
 * delete its WAL: if the file is damaged, everything SQLite had is still there to move aside.
 * Returns the schema version.
 */
function inspect(file: string): number {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new UnusableDatabaseError(`integrity check failed: ${String(check)}`)
    return schemaVersion(db)
  } catch (error) {
    if (error instanceof UnusableDatabaseError) throw error
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && UNUSABLE_FILE_CODES.has(code)) {
      throw new UnusableDatabaseError((error as Error).message)
    }
    throw error
  } finally {
    db?.close()
  }
}
