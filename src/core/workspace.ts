import { copyFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { AppStatus } from '../shared/contracts/app'
import type { BackupInfo } from '../shared/contracts/backups'
import { backupDir, backupNow, copyOnline, isHealthyBackup, listBackups } from './backup/backupFiles'
import type { Logger } from './logger'
import type { EmbeddingModel } from './search/semantic/embeddingModel'
import { openDatabase, type OpenedDatabase } from './storage/openDatabase'
import { moveDatabaseAside } from './storage/quarantine'
import { startStorage, type RunningStorage } from './storageServices'

export class BackupMissingError extends Error {}
export class BackupDamagedError extends Error {}

/**
 * The open workspace database and everything running on it. It can be swapped for a backup or
 * an imported archive's database while the core runs: the current file is backed up and moved
 * aside first, never deleted.
 */
export class Workspace {
  private opened: OpenedDatabase
  private running: RunningStorage | null
  /** Called after the database was replaced (a restore), so services that read it can reload. */
  onSwapped: () => void = () => undefined

  constructor(
    private readonly databaseFile: string,
    private readonly status: AppStatus,
    private readonly log: Logger,
    private readonly embeddings: EmbeddingModel,
    private readonly maintenanceWorker: string | undefined
  ) {
    this.opened = openDatabase(databaseFile)
    for (const notice of this.opened.notices) log.warn(notice.message)
    this.running = this.start()
  }

  get storage(): RunningStorage | null {
    return this.running
  }

  listBackups(): BackupInfo[] {
    return listBackups(backupDir(this.databaseFile))
  }

  async restore(id: string, now = new Date()): Promise<BackupInfo> {
    const dir = backupDir(this.databaseFile)
    const backup = this.listBackups().find((b) => b.id === id)
    if (!backup) throw new BackupMissingError(`There is no backup named ${id}.`)
    if (!isHealthyBackup(join(dir, id))) throw new BackupDamagedError(`The backup ${id} is damaged.`)
    await this.replace((target) => copyFileSync(join(dir, id), target), now)
    this.log.warn(`Restored the workspace database from the backup ${id}.`)
    this.onSwapped()
    return backup
  }

  /** Replaces the workspace database with an already checked file (an imported archive's), which is moved into place. */
  async importDatabase(file: string, now = new Date()): Promise<void> {
    await this.replace((target) => renameSync(file, target), now)
    this.log.warn('Replaced the workspace database with the one from an imported workspace archive.')
    this.onSwapped()
  }

  /** A self-contained copy of the open database, made while writing goes on. */
  async copyDatabase(file: string): Promise<void> {
    if (!this.opened.db) throw new Error('The workspace database is not open.')
    await copyOnline(this.opened.db, file)
  }

  async close(): Promise<void> {
    await this.running?.close()
    this.running = null
    if (this.opened.db?.open) this.opened.db.close()
  }

  private async replace(putInPlace: (target: string) => void, now: Date): Promise<void> {
    if (this.opened.db) backupNow(this.opened.db, backupDir(this.databaseFile), 'before-restore', now)
    await this.close()
    moveDatabaseAside(this.databaseFile, 'replaced', now)
    putInPlace(this.databaseFile)
    this.opened = openDatabase(this.databaseFile)
    this.running = this.start()
  }

  private start(): RunningStorage | null {
    this.status.storage = this.opened.state
    this.status.notices = this.opened.notices
    if (!this.opened.db) return null
    return startStorage(this.opened.db, this.databaseFile, this.log, this.embeddings, this.maintenanceWorker)
  }
}
