import type { Database } from 'better-sqlite3'
import { indexDocument } from '../search/indexDocument'
import { VersionStore } from '../versions/versionStore'
import { compactDocument } from './compaction'

/** The heavy per-document jobs that run off the RPC path, by name. */
export const maintenanceTasks = {
  compact: (db: Database, docId: string) => compactDocument(db, docId),
  index: (db: Database, docId: string) => indexDocument(db, docId),
  autoVersion: (db: Database, docId: string) => {
    const kind = db.prepare<[string], string>('SELECT kind FROM documents WHERE id = ?').pluck().get(docId)
    return kind === 'draft' || kind === 'design' ? new VersionStore(db).autoVersion(docId, Date.now()) : null
  }
}

export type MaintenanceTask = keyof typeof maintenanceTasks
export type MaintenanceResult<T extends MaintenanceTask> = ReturnType<(typeof maintenanceTasks)[T]>
