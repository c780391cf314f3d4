import { join } from 'node:path'
import { version } from '../../package.json'
import type { AppStatus } from '../shared/contracts/app'
import type { CoreContext } from './rpc/context'
import type { FrameTransport } from './rpc/frameTransport'
import type { Logger } from './logger'
import { createRpcServer } from './rpc/rpcServer'
import { DocStore } from './docs/docStore'
import { SettingsStore } from './settings/settingsStore'
import { openDatabase } from './storage/openDatabase'

export const DATABASE_FILE = 'holdfast.db'

export interface CoreOptions {
  /** The folder that holds the workspace database (Electron's userData, or --data). */
  dataDir: string
  log: Logger
}

export interface Core {
  readonly status: AppStatus
  /** Serves the RPC API on one more connection (a window's port or a WebSocket). */
  serve(transport: FrameTransport): void
  /** Closes the database; the core must not be used afterwards. */
  close(): void
}

/** Starts the engine: opens (or recovers) the database and prepares the RPC API. */
export function startCore(options: CoreOptions): Core {
  const opened = openDatabase(join(options.dataDir, DATABASE_FILE))
  for (const notice of opened.notices) options.log.warn(notice.message)

  const status: AppStatus = {
    version,
    dataDir: options.dataDir,
    storage: opened.state,
    notices: opened.notices
  }
  const docs = opened.db ? new DocStore(opened.db) : null
  const context: CoreContext = {
    status,
    storage: opened.db && docs ? { settings: new SettingsStore(opened.db), docs } : null
  }
  const rpc = createRpcServer(context, options.log)

  return {
    status,
    serve: (transport) => rpc.serve(transport),
    close: () => {
      docs?.flush()
      if (opened.db?.open) opened.db.close()
    }
  }
}
