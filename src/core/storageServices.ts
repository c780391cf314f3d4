import type { Database } from 'better-sqlite3'
import type { BackupInfo, BackupReason } from '../shared/contracts/backups'
import { AiStore } from './ai/config/aiStore'
import { BlobStore } from './blobs/blobStore'
import { backupDir, backupOnline, listBackups } from './backup/backupFiles'
import { scheduleDailyBackups } from './backup/dailyBackups'
import { CompactionScheduler } from './docs/compactionScheduler'
import { DocStore } from './docs/docStore'
import { DocTaskScheduler } from './docs/docTaskScheduler'
import { inlineMaintenance, workerMaintenance } from './docs/maintenance'
import type { Logger } from './logger'
import type { StorageServices } from './rpc/context'
import { searchDrafts } from './search/searchDrafts'
import type { EmbeddingModel } from './search/semantic/embeddingModel'
import { SemanticSearch } from './search/semantic/semanticSearch'
import { SettingsStore } from './settings/settingsStore'
import { TeamStore } from './sync/team/teamStore'
import { VersionStore } from './versions/versionStore'

export interface RunningStorage {
  services: StorageServices
  /** Waits for pending search indexing, full-text then semantic (tests use it to search right after writing). */
  indexed(): Promise<void>
  /** Writes what was accepted, finishes background work and stops the worker. */
  close(): Promise<void>
}

/** Everything that works on the open workspace database, wired together. */
export function startStorage(db: Database, databaseFile: string, log: Logger, embeddings: EmbeddingModel, maintenanceWorker?: string): RunningStorage {
  const maintenance = maintenanceWorker ? workerMaintenance(maintenanceWorker, databaseFile) : inlineMaintenance(db)
  const docs = new DocStore(db)
  const compaction = new CompactionScheduler(maintenance, log)
  const indexing = new DocTaskScheduler(maintenance, 'index', log, 500)
  const versioning = new DocTaskScheduler(maintenance, 'autoVersion', log, 2000)
  const versions = new VersionStore(db)
  const settings = new SettingsStore(db)
  versions.prune(settings.read().versionRetentionDays, Date.now())
  const semantic = new SemanticSearch({ db, model: embeddings, waitForIndex: () => indexing.flush(), log })
  docs.onAppended = (entries) => {
    for (const [docId, count] of entries) {
      compaction.noteAppended(docId, count)
      indexing.noteAppended(docId)
      versioning.noteAppended(docId)
    }
    semantic.noteChanged()
  }
  const dir = backupDir(databaseFile)
  const backUp = (reason: BackupReason): Promise<BackupInfo> => backupOnline(db, dir, reason, new Date())
  const stopDailyBackups = scheduleDailyBackups({ list: () => listBackups(dir), backUp: () => backUp('daily'), log })
  return {
    services: {
      settings,
      versions,
      docs,
      blobs: new BlobStore(db),
      aiStore: new AiStore(db),
      teamStore: new TeamStore(db),
      search: (text, limit) => searchDrafts(db, text, limit),
      semantic,
      backUp
    },
    indexed: async () => {
      await indexing.flush()
      await semantic.idle()
    },
    close: async () => {
      await stopDailyBackups()
      await semantic.close()
      docs.flush()
      await indexing.flush()
      await versioning.flush()
      await compaction.close()
    }
  }
}
