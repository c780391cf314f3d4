import { join } from 'node:path'
import { version } from '../../package.json'
import type { AppStatus } from '../shared/contracts/app'
import type { CoreContext } from './rpc/context'
import type { FrameTransport } from './rpc/frameTransport'
import type { Logger } from './logger'
import { createRpcServer } from './rpc/rpcServer'
import { CompactionScheduler } from './docs/compactionScheduler'
import { DocStore } from './docs/docStore'
import { inlineMaintenance, workerMaintenance } from './docs/maintenance'
import { SettingsStore } from './settings/settingsStore'
import { openDatabase } from './storage/openDatabase'

export const DATABASE_FILE = 'holdfast.db'

export interface CoreOptions {
  /** The folder that holds the workspace database (Electron's userData, or --data). */
  dataDir: string
  log: Logger
  /** The built maintenance worker (out/main/maintenance-worker.js); without it compaction runs inline. */
  maintenanceWorker?: string
}

export interface Core {
  readonly status: AppStatus
  /** Serves the RPC API on one more connection (a window's port or a WebSocket). */
  serve(transport: FrameTransport): void
  /** Writes what was accepted, stops background work and closes the database. */
  close(): Promise<void>
}

/** Starts the engine: opens (or recovers) the database and prepares the RPC API. */
export function startCore(options: CoreOptions): Core {
  const databaseFile = join(options.dataDir, DATABASE_FILE)
  const opened = openDatabase(databaseFile)
  for (const notice of opened.notices) options.log.warn(notice.message)

  const status: AppStatus = {
    version,
    dataDir: options.dataDir,
    storage: opened.state,
    notices: opened.notices
  }
  const docs = opened.db ? new DocStore(opened.db) : null
  const compaction =
    opened.db && docs
      ? new CompactionScheduler(
          options.maintenanceWorker
            ? workerMaintenance(options.maintenanceWorker, databaseFile)
            : inlineMaintenance(opened.db),
          options.log
        )
      : null
  if (docs && compaction) {
    docs.onAppended = (entries) => {
      for (const [docId, count] of entries) compaction.noteAppended(docId, count)
    }
  }
  const context: CoreContext = {
    status,
    storage: opened.db && docs ? { settings: new SettingsStore(opened.db), docs } : null
  }
  const rpc = createRpcServer(context, options.log)

  return {
    status,
    serve: (transport) => rpc.serve(transport),
    close: async () => {
      docs?.flush()
      await compaction?.close()
      if (opened.db?.open) opened.db.close()
    }
  }
}
