import { join } from 'node:path'
import { version } from '../../package.json'
import type { AppStatus } from '../shared/contracts/app'
import type { UpdateState } from '../shared/contracts/updates'
import { AiService } from './ai/aiService'
import { AiStore } from './ai/config/aiStore'
import type { AiConfigSource } from './ai/config/configSource'
import { fileConfigSource } from './ai/config/fileConfigSource'
import type { ProvidersFile } from './ai/config/providersFile'
import type { SecretBox } from './ai/config/secretBox'
import { storedConfigSource } from './ai/config/storedConfigSource'
import { LocalProvider } from './ai/providers/localProvider'
import { ArchiveTransfers } from './archive/archiveTransfers'
import type { Logger } from './logger'
import { bundledCatalog } from './models/catalog/bundledCatalog'
import { InferenceHost } from './models/inference/inferenceHost'
import { onnxRuntimeUnavailable } from './models/inference/onnxRuntime'
import { ModelManager } from './models/manager/modelManager'
import type { CoreContext } from './rpc/context'
import type { FrameTransport } from './rpc/frameTransport'
import { createRpcServer } from './rpc/rpcServer'
import { EmbeddingModel } from './search/semantic/embeddingModel'
import { SignalingHub, type HubConnection, type SignalingSocket } from './sync/signaling/signalingHub'
import { fileVault, keychainVault } from './sync/team/teamKeyVault'
import { TeamService } from './sync/team/teamService'
import { updateSettingsFile } from './updates/updateSettingsFile'
import { UpdatesService, type UpdaterHost } from './updates/updatesService'
import { Workspace } from './workspace'

export const DATABASE_FILE = 'holdfast.db'
/** This computer's update settings, beside the database (not in it). */
const UPDATE_SETTINGS_FILE = 'update-settings.json'

export interface CoreOptions {
  /** The folder that holds the workspace database (Electron's userData, or --data). */
  dataDir: string
  log: Logger
  /** The built maintenance worker (out/main/maintenance-worker.js); without it that work runs inline. */
  maintenanceWorker?: string
  /** The built archive worker (out/main/archive-worker.js); without it an imported archive is checked inline. */
  archiveWorker?: string
  /** The installed local models (`<modelsDir>/<model id>/config.json`...); default `<dataDir>/models`. */
  modelsDir?: string
  /** The model hub to download from (a mirror, or a fake hub in tests); default https://huggingface.co. */
  hubUrl?: string
  /** The built inference worker (out/main/inference-worker.js); without it local models run on the calling thread (tests). */
  inferenceWorker?: string
  /** Why local models cannot run on this computer; by default what onnxRuntimeUnavailable() finds. Tests set it to act as such a computer. */
  localModelsCannotRun?: string
  /** The app: the OS keychain (through Electron main) that encrypts API keys. */
  secrets?: SecretBox
  /** Headless mode's `--providers FILE`, already read; it replaces the stored provider settings. */
  providers?: ProvidersFile
  /** The LAN signaling server's port while the workspace is shared; default any free port. */
  lanSignalingPort?: number
  /** The UDP port of LAN discovery; default DISCOVERY_PORT (every Holdfast app uses the same). */
  discoveryPort?: number
  /** False: teammates are found by UDP broadcast only, not by mDNS (headless `--no-mdns`). */
  mdns?: boolean
  /** The desktop window's origins (app://holdfast, the dev server): its sync signals through a loopback server. */
  windowOrigins?: readonly string[]
  /** The app: Electron main, which runs the updater. Without it (headless mode) the windows are told updates are not available. */
  updaterHost?: UpdaterHost
}

export interface Core {
  readonly status: AppStatus
  /** Serves the RPC API on one more connection (a window's port or a WebSocket). */
  serve(transport: FrameTransport): void
  /** Main's updater reported a new state. */
  updateStateChanged(state: UpdateState): void
  /** Serves y-webrtc signaling to one of this app's own windows (a loopback WebSocket). */
  serveSignaling(socket: SignalingSocket): HubConnection
  /** Resolves once search indexing has caught up with everything stored. */
  indexed(): Promise<void>
  /** Writes what was accepted, stops background work and closes the database. */
  close(): Promise<void>
}

/** Starts the engine: opens (or recovers) the database and prepares the RPC API. */
export function startCore(options: CoreOptions): Core {
  const status: AppStatus = { version, dataDir: options.dataDir, storage: 'blocked', notices: [] }
  const modelsDir = options.modelsDir ?? join(options.dataDir, 'models')
  const cannotRun = options.localModelsCannotRun ?? onnxRuntimeUnavailable()
  const inference = new InferenceHost({ modelsDir, workerScript: options.inferenceWorker, log: options.log, cannotRun })
  const embeddings = new EmbeddingModel(inference)
  const workspace = new Workspace(join(options.dataDir, DATABASE_FILE), status, options.log, embeddings, options.maintenanceWorker)
  const stores = (): { ai: AiStore; settings: NonNullable<typeof workspace.storage>['services']['settings'] } | null => {
    const services = workspace.storage?.services
    return services ? { ai: services.aiStore, settings: services.settings } : null
  }
  const config: AiConfigSource = options.providers ? fileConfigSource(options.providers) : storedConfigSource({ stores, secrets: options.secrets })
  const ai = new AiService({
    config,
    usage: () => stores()?.ai ?? null,
    workspaceLocalOnly: () => stores()?.settings.read().aiLocalOnly ?? false,
    trustedCertificates: () => stores()?.settings.read().aiTrustedCertificates ?? '',
    log: options.log,
    localProvider: () => {
      const modelId = models.chatModel()
      return modelId === undefined ? undefined : new LocalProvider({ host: inference, modelId })
    }
  })
  const models = new ModelManager({
    modelsDir,
    hubUrl: options.hubUrl ?? 'https://huggingface.co',
    catalog: bundledCatalog(),
    log: options.log,
    cannotRun,
    // A model installed or removed rebuilds the AI providers and lets semantic search use (or drop) it.
    onInstalledChanged: () => {
      void ai.reload()
      embeddings.modelsChanged()
    }
  })
  void ai.reload()
  const team = new TeamService({
    store: () => workspace.storage?.services.teamStore ?? null,
    // Without a keychain (headless mode), the key goes into a file only its owner can read.
    vault: options.secrets ? keychainVault(options.secrets) : fileVault(options.dataDir),
    hub: new SignalingHub(options.log),
    log: options.log,
    lanPort: options.lanSignalingPort,
    discoveryPort: options.discoveryPort,
    mdns: options.mdns,
    windowOrigins: options.windowOrigins
  })
  void team.resume()
  workspace.onSwapped = () => {
    void ai.reload()
    void team.resume()
  }
  const updates = new UpdatesService({
    host: options.updaterHost,
    generation: ai.generation,
    settingsFile: updateSettingsFile(join(options.dataDir, UPDATE_SETTINGS_FILE))
  })
  const context: CoreContext = {
    status,
    get storage() {
      return workspace.storage?.services ?? null
    },
    workspace,
    archives: new ArchiveTransfers({ dataDir: options.dataDir, appVersion: version, workspace, unpackWorker: options.archiveWorker }),
    ai,
    models,
    // Captioning an image is generating too: the app's updater waits for it.
    inference: { caption: (request, signal) => ai.generation.during(() => inference.caption(request, signal)) },
    team,
    updates
  }
  const rpc = createRpcServer(context, options.log)

  return {
    status,
    serve: (transport) => rpc.serve(transport),
    updateStateChanged: (state) => updates.received(state),
    serveSignaling: (socket) => team.hub.connect(socket, 'local'),
    indexed: () => workspace.storage?.indexed() ?? Promise.resolve(),
    close: async () => {
      updates.close()
      ai.close()
      models.close()
      await team.close()
      await inference.close()
      await context.archives.close()
      await workspace.close()
    }
  }
}
