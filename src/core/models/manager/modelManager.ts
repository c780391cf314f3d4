import { statfsSync } from 'node:fs'
import { homedir, totalmem } from 'node:os'
import { join } from 'node:path'
import { EventPublisher } from '@orpc/server'
import type { ModelEntry, ModelsOverview, ModelStatus } from '../../../shared/contracts/models'
import { downloadBytes, type Catalog, type CatalogModel, type ModelTask } from '../../../shared/models/catalog'
import type { Logger } from '../../logger'
import { cpuProbeMs } from '../catalog/cpuProbe'
import { recommendedModels, type MachineProfile } from '../catalog/machineFit'
import { deleteModel, downloadModel, ModelDownloadError, stagedBytes } from '../download'
import { installedModels, modelFolder } from '../installedModels'
import { readInstallManifest } from '../installManifest'
import { exportModelPack, importModelPack } from '../packs'
import { chooseChatModel } from './chatModelChoice'
import { DownloadSpeed } from './downloadSpeed'
import { folderBytes } from './folderBytes'
import { readModelPreferences, writeModelPreferences } from './modelPreferences'

export interface ModelManagerOptions {
  modelsDir: string
  /** The Hub (or a mirror, HF_ENDPOINT); fake hubs in tests. */
  hubUrl: string
  catalog: Catalog
  log: Logger
  /** Called after a model is installed or removed, so the AI providers and search pick it up. */
  onInstalledChanged: () => void
  /** The machine, measured once on first use unless given (tests). */
  machine?: MachineProfile
  /** Why no local model can run on this computer, shown in the overview. */
  cannotRun?: string
}

export class UnknownModelError extends Error {}
export class ModelBusyError extends Error {}

/** Progress is published at most this often; state changes are published at once. */
const PROGRESS_INTERVAL_MS = 250

/**
 * The models on this machine: the catalog with what is installed, downloads one at a time
 * (queue, pause, resume, progress with speed and time left), packs, and the chat model choice.
 */
export class ModelManager {
  readonly events = new EventPublisher<{ changed: ModelsOverview }>()
  /** Statuses that exist only while the app runs: queued, downloading, paused, failed. */
  private readonly transient = new Map<string, ModelStatus>()
  private readonly queue: string[] = []
  private running: { id: string; controller: AbortController } | undefined
  private machine: MachineProfile | undefined
  private lastProgressAt = 0
  private closed = false

  constructor(private readonly options: ModelManagerOptions) {
    this.machine = options.machine
  }

  get modelsDir(): string {
    return this.options.modelsDir
  }

  overview(): ModelsOverview {
    const machine = this.machineProfile()
    const recommended = this.recommendedHere()
    const recommendedIds = new Set(Object.values(recommended).flatMap((model) => (model ? [model.id] : [])))
    const installed = installedModels(this.options.modelsDir)
    const active = this.chatModel()
    const catalogIds = new Set(this.options.catalog.models.map((model) => model.id))
    const entries: ModelEntry[] = this.options.catalog.models.map((model) => ({
      id: model.id,
      name: model.name,
      task: model.task,
      purpose: model.purpose,
      license: model.license,
      downloadBytes: downloadBytes(model),
      sizeExact: model.files.every((file) => file.size !== undefined),
      inCatalog: true,
      recommended: recommendedIds.has(model.id),
      active: model.id === active,
      status: this.status(model.id)
    }))
    for (const { id, task } of installed) {
      if (catalogIds.has(id)) continue
      entries.push({
        id,
        name: id,
        task,
        purpose: PURPOSE_OF_TASK[task],
        downloadBytes: 0,
        sizeExact: true,
        inCatalog: false,
        recommended: false,
        active: id === active,
        status: this.status(id)
      })
    }
    return {
      models: entries,
      machine,
      freeBytes: freeBytes(this.options.modelsDir),
      chatModelOverride: readModelPreferences(this.options.modelsDir).chatModel,
      defaultPackFolder: join(homedir(), 'Holdfast model packs'),
      cannotRun: this.options.cannotRun
    }
  }

  /** The chat model the local provider should use, if any is installed. */
  chatModel(): string | undefined {
    const chat = this.options.catalog.models.filter((model) => model.task === 'chat').map((model) => model.id)
    return chooseChatModel({
      installedChatModels: installedModels(this.options.modelsDir)
        .filter((model) => model.task === 'chat')
        .map((model) => model.id),
      override: readModelPreferences(this.options.modelsDir).chatModel,
      recommended: this.recommendedHere().chat?.id,
      catalogChatModels: chat
    })
  }

  /** The captioning model alt text uses: an installed catalog one first, else any installed one. */
  captioningModel(): string | undefined {
    const installed = installedModels(this.options.modelsDir)
      .filter((model) => model.task === 'captioning')
      .map((model) => model.id)
    const fromCatalog = this.options.catalog.models.find((model) => model.task === 'captioning' && installed.includes(model.id))
    return fromCatalog?.id ?? installed[0]
  }

  setChatModel(id: string): void {
    if (id !== '' && !installedModels(this.options.modelsDir).some((model) => model.id === id && model.task === 'chat')) {
      throw new UnknownModelError(id)
    }
    writeModelPreferences(this.options.modelsDir, { chatModel: id })
    this.options.onInstalledChanged()
    this.publish()
  }

  /** Queues a catalog model's download (or resumes a paused one). */
  download(id: string): void {
    this.catalogModel(id)
    if (this.running?.id === id || this.queue.includes(id)) return
    this.queue.push(id)
    this.transient.set(id, { state: 'queued' })
    this.publish()
    this.next()
  }

  /** Queues the recommended models that are not installed yet. */
  outageKit(): string[] {
    const recommended = this.recommendedHere()
    const wanted = Object.values(recommended).flatMap((model) => (model ? [model.id] : []))
    const missing = wanted.filter((id) => readInstallManifest(modelFolder(this.options.modelsDir, id)) === undefined)
    for (const id of missing) this.download(id)
    return missing
  }

  pause(id: string): void {
    this.known(id)
    const queued = this.queue.indexOf(id)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      this.transient.set(id, this.pausedStatus(id))
      this.publish()
    }
    if (this.running?.id === id) this.running.controller.abort()
  }

  async remove(id: string): Promise<void> {
    this.known(id)
    if (this.running?.id === id || this.queue.includes(id)) throw new ModelBusyError(id)
    await deleteModel(this.options.modelsDir, id)
    this.transient.delete(id)
    this.options.onInstalledChanged()
    this.publish()
  }

  async importPack(path: string): Promise<string> {
    const manifest = await importModelPack({ modelsDir: this.options.modelsDir, source: path })
    this.transient.delete(manifest.id)
    this.options.onInstalledChanged()
    this.publish()
    return manifest.id
  }

  async exportPack(id: string, destination: string): Promise<string> {
    this.known(id)
    if (readInstallManifest(modelFolder(this.options.modelsDir, id)) === undefined) throw new UnknownModelError(id)
    await exportModelPack({ modelsDir: this.options.modelsDir, modelId: id, destination })
    return destination
  }

  close(): void {
    this.closed = true
    this.queue.length = 0
    this.running?.controller.abort()
  }

  private next(): void {
    if (this.running || this.closed) return
    const id = this.queue.shift()
    if (id === undefined) return
    const model = this.catalogModel(id)
    const controller = new AbortController()
    this.running = { id, controller }
    const speed = new DownloadSpeed()
    const totalBytes = downloadBytes(model)
    this.transient.set(id, { state: 'downloading', receivedBytes: 0, totalBytes, bytesPerSecond: 0 })
    this.publish()
    void downloadModel({
      hubUrl: this.options.hubUrl,
      modelsDir: this.options.modelsDir,
      model,
      signal: controller.signal,
      onProgress: ({ receivedBytes, totalBytes: total }) => {
        speed.add(receivedBytes)
        const bytesPerSecond = speed.bytesPerSecond()
        const secondsLeft = bytesPerSecond > 0 ? Math.max(0, total - receivedBytes) / bytesPerSecond : undefined
        this.transient.set(id, { state: 'downloading', receivedBytes, totalBytes: total, bytesPerSecond, secondsLeft })
        this.publishProgress()
      }
    })
      .then(() => {
        this.transient.delete(id)
        this.options.onInstalledChanged()
      })
      .catch((error: unknown) => this.transient.set(id, this.statusAfterFailure(id, error)))
      .finally(() => {
        this.running = undefined
        this.publish()
        this.next()
      })
  }

  private statusAfterFailure(id: string, error: unknown): ModelStatus {
    if (error instanceof ModelDownloadError && (error.kind === 'paused' || error.kind === 'network')) {
      const paused = this.pausedStatus(id)
      return error.kind === 'network' ? { ...paused, message: error.message } : paused
    }
    if (!(error instanceof ModelDownloadError)) this.options.log.error(`Downloading ${id} failed`, error)
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) }
  }

  private pausedStatus(id: string): Extract<ModelStatus, { state: 'paused' }> {
    return { state: 'paused', receivedBytes: stagedBytes(this.options.modelsDir, id), totalBytes: downloadBytes(this.catalogModel(id)) }
  }

  private status(id: string): ModelStatus {
    const transient = this.transient.get(id)
    if (transient) return transient
    const folder = modelFolder(this.options.modelsDir, id)
    const manifest = readInstallManifest(folder)
    if (manifest) return { state: 'installed', sizeBytes: manifest.files.reduce((sum, file) => sum + file.size, 0), source: manifest.source }
    if (installedModels(this.options.modelsDir).some((model) => model.id === id)) return { state: 'installed', sizeBytes: folderBytes(folder), source: 'folder' }
    const catalogModel = this.options.catalog.models.find((model) => model.id === id)
    if (catalogModel && stagedBytes(this.options.modelsDir, id) > 0) return this.pausedStatus(id)
    return { state: 'available' }
  }

  private catalogModel(id: string): CatalogModel {
    const model = this.options.catalog.models.find((candidate) => candidate.id === id)
    if (!model) throw new UnknownModelError(id)
    return model
  }

  /** A catalog model or an installed one. */
  private known(id: string): void {
    const inCatalog = this.options.catalog.models.some((model) => model.id === id)
    if (!inCatalog && !installedModels(this.options.modelsDir).some((model) => model.id === id)) throw new UnknownModelError(id)
  }

  /** The catalog's models for this computer: none where local models cannot run (so no outage kit either). */
  private recommendedHere(): Record<ModelTask, CatalogModel | undefined> {
    if (this.options.cannotRun !== undefined) return { chat: undefined, embeddings: undefined, captioning: undefined }
    return recommendedModels(this.options.catalog, this.machineProfile())
  }

  private machineProfile(): MachineProfile {
    this.machine ??= { totalMemoryMb: Math.round(totalmem() / 2 ** 20), cpuProbeMs: Math.round(cpuProbeMs() * 10) / 10 }
    return this.machine
  }

  private publishProgress(): void {
    const now = Date.now()
    if (now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return
    this.publish()
  }

  private publish(): void {
    this.lastProgressAt = Date.now()
    this.events.publish('changed', this.overview())
  }
}

const PURPOSE_OF_TASK: Record<ModelTask, string> = {
  chat: 'Writing help offline (installed by hand or from a pack).',
  embeddings: 'Semantic search and Related drafts (installed by hand or from a pack).',
  captioning: 'Alt text for images (installed by hand or from a pack).'
}

function freeBytes(folder: string): number | undefined {
  try {
    const stats = statfsSync(folder)
    return stats.bavail * stats.bsize
  } catch {
    return undefined
  }
}
