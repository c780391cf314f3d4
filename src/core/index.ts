import { join } from 'node:path'
import { version } from '../../package.json'
import type { AppStatus } from '../shared/contracts/app'
import type { Logger } from './logger'
import type { CoreContext } from './rpc/context'
import type { FrameTransport } from './rpc/frameTransport'
import { createRpcServer } from './rpc/rpcServer'
import { Workspace } from './workspace'

export const DATABASE_FILE = 'holdfast.db'

export interface CoreOptions {
  /** The folder that holds the workspace database (Electron's userData, or --data). */
  dataDir: string
  log: Logger
  /** The built maintenance worker (out/main/maintenance-worker.js); without it that work runs inline. */
  maintenanceWorker?: string
}

export interface Core {
  readonly status: AppStatus
  /** Serves the RPC API on one more connection (a window's port or a WebSocket). */
  serve(transport: FrameTransport): void
  /** Resolves once search indexing has caught up with everything stored. */
  indexed(): Promise<void>
  /** Writes what was accepted, stops background work and closes the database. */
  close(): Promise<void>
}

/** Starts the engine: opens (or recovers) the database and prepares the RPC API. */
export function startCore(options: CoreOptions): Core {
  const status: AppStatus = { version, dataDir: options.dataDir, storage: 'blocked', notices: [] }
  const workspace = new Workspace(join(options.dataDir, DATABASE_FILE), status, options.log, options.maintenanceWorker)
  const context: CoreContext = {
    status,
    get storage() {
      return workspace.storage?.services ?? null
    },
    workspace
  }
  const rpc = createRpcServer(context, options.log)

  return {
    status,
    serve: (transport) => rpc.serve(transport),
    indexed: () => workspace.storage?.indexed() ?? Promise.resolve(),
    close: () => workspace.close()
  }
}
