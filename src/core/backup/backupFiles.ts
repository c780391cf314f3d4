import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { BackupReasonSchema, type BackupInfo, type BackupReason } from '../../shared/contracts/backups'

/** How many backups are kept; older ones are removed when a new one is made. */
export const BACKUPS_KEPT = 7
export const DAILY_MS = 24 * 60 * 60 * 1000

const NAME = /^holdfast-([a-z-]+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/

export function backupDir(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups')
}

export function backupName(reason: BackupReason, now: Date): string {
  return `holdfast-${reason}-${now.toISOString().replace(/[:.]/g, '-')}.db`
}

/** Backups in the folder, newest first. Files that are not backups are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  const backups: BackupInfo[] = []
  for (const id of readdirSync(dir)) {
    const match = NAME.exec(id)
    const reason = BackupReasonSchema.safeParse(match?.[1])
    if (!match || !reason.success) continue
    const createdAt = Date.parse(`${match[2]}T${match[3]}:${match[4]}:${match[5]}.${match[6]}Z`)
    backups.push({ id, reason: reason.data, createdAt, bytes: statSync(join(dir, id)).size })
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt)
}

/** Removes all but the newest `keep` backups. */
export function pruneBackups(dir: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dir).slice(keep)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, old.id + suffix), { force: true })
  }
}

/** A backup is one self-contained file: switch the copy out of WAL mode. */
function seal(file: string): void {
  const copy = new Database(file)
  copy.pragma('journal_mode = DELETE')
  copy.close()
}

/** A consistent copy made synchronously (VACUUM INTO), for the moment before a migration. */
export function backupNow(db: Database.Database, dir: string, reason: BackupReason, now: Date): BackupInfo {
  mkdirSync(dir, { recursive: true })
  const id = backupName(reason, now)
  db.prepare('VACUUM INTO ?').run(join(dir, id))
  seal(join(dir, id))
  pruneBackups(dir)
  return { id, reason, createdAt: now.getTime(), bytes: statSync(join(dir, id)).size }
}

/** A self-contained copy made with SQLite's online backup API: it proceeds in steps while the core keeps working. */
export async function copyOnline(db: Database.Database, file: string): Promise<void> {
  await db.backup(file)
  seal(file)
}

/** A backup made with copyOnline(). */
export async function backupOnline(db: Database.Database, dir: string, reason: BackupReason, now: Date): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  const id = backupName(reason, now)
  await copyOnline(db, join(dir, id))
  pruneBackups(dir)
  return { id, reason, createdAt: now.getTime(), bytes: statSync(join(dir, id)).size }
}

/** True when the file is a readable SQLite database that passes a quick integrity check. */
export function isHealthyBackup(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok'
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}
