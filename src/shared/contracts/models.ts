import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { ModelTaskSchema } from '../models/catalog'
import { BlobHashSchema } from './blobs'
import { storageUnavailable } from './errors'

/** Where a model stands on this machine. */
export const ModelStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('available') }),
  /** Waiting for the download before it (downloads run one at a time). */
  z.object({ state: z.literal('queued') }),
  z.object({
    state: z.literal('downloading'),
    receivedBytes: z.number().min(0),
    totalBytes: z.number().min(0),
    bytesPerSecond: z.number().min(0),
    /** Absent until the speed is known. */
    secondsLeft: z.number().min(0).optional()
  }),
  /** Stopped with the received files kept: by the user, or because the network dropped; resumes where it stopped. */
  z.object({ state: z.literal('paused'), receivedBytes: z.number().min(0), totalBytes: z.number().min(0), message: z.string().optional() }),
  z.object({ state: z.literal('installed'), sizeBytes: z.number().min(0), source: z.enum(['hub', 'pack', 'folder']) }),
  /** The last attempt failed; the message says what happened and what to do. */
  z.object({ state: z.literal('failed'), message: z.string() })
])
export type ModelStatus = z.infer<typeof ModelStatusSchema>

export const ModelEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  task: ModelTaskSchema,
  purpose: z.string(),
  license: z.string().optional(),
  /** Bytes to download (approximate until the catalog is pinned, see `sizeExact`). */
  downloadBytes: z.number().min(0),
  sizeExact: z.boolean(),
  /** False for a model copied into the models folder by hand or imported from a pack. */
  inCatalog: z.boolean(),
  /** Part of the outage kit for this machine. */
  recommended: z.boolean(),
  /** The chat model the local provider uses now. */
  active: z.boolean(),
  status: ModelStatusSchema
})
export type ModelEntry = z.infer<typeof ModelEntrySchema>

export const ModelsOverviewSchema = z.object({
  models: z.array(ModelEntrySchema),
  machine: z.object({ totalMemoryMb: z.number(), cpuProbeMs: z.number() }),
  /** Free bytes on the disk that holds the models folder (absent if it cannot be read). */
  freeBytes: z.number().optional(),
  /** The chat model the user picked ('' lets Holdfast choose). */
  chatModelOverride: z.string(),
  /** Where "Export pack" suggests writing packs (a folder on the core's machine). */
  defaultPackFolder: z.string(),
  /** Why no local model can run on this computer ("ONNX Runtime has no build for macOS on Intel (darwin x64)"); absent when they can. */
  cannotRun: z.string().optional()
})
export type ModelsOverview = z.infer<typeof ModelsOverviewSchema>

const ModelRef = z.object({ id: z.string().min(1).max(200) })
/** An absolute path on the machine the core runs on (a pack folder, a .zip, or where to write one). */
const PathSchema = z.string().min(1).max(4096)

const modelErrors = {
  NOT_FOUND: { status: 404, message: 'No model has that id.', data: z.object({ id: z.string() }) },
  MODEL_BUSY: { status: 409, message: 'That model is downloading; pause it first.', data: z.object({ id: z.string() }) },
  PACK_FAILED: { status: 422, message: 'The model pack could not be used.' }
} as const

const captionErrors = {
  ...storageUnavailable,
  NO_CAPTION_MODEL: { status: 409, message: 'No alt text model is installed. Install the alt text model in Settings → Local models.' },
  IMAGE_NOT_FOUND: { status: 404, message: 'No stored image has that hash.', data: z.object({ hash: z.string() }) },
  /** The model is installed but could not describe the image; the message says why. */
  CAPTION_FAILED: { status: 502, message: 'The alt text model could not describe the image.' }
} as const

export const modelsContract = {
  /** The catalog and installed models with their status, now and on every change (progress included). */
  watch: oc.output(eventIterator(ModelsOverviewSchema)),
  /** Starts or resumes a catalog model's download (queued behind any running download). */
  download: oc.errors(modelErrors).input(ModelRef).output(z.void()),
  /** Pauses a download, keeping what was received; a queued download leaves the queue. */
  pause: oc.errors(modelErrors).input(ModelRef).output(z.void()),
  /** Deletes an installed model (and any partial download of it). */
  remove: oc.errors(modelErrors).input(ModelRef).output(z.void()),
  /** Queues the recommended set for this machine; returns the ids that were queued. */
  outageKit: oc.output(z.object({ queued: z.array(z.string()) })),
  /** Sets the chat model for local writing help ('' lets Holdfast choose). */
  chooseChatModel: oc.errors(modelErrors).input(z.object({ id: z.string().max(200) })).output(z.void()),
  /** Installs a model pack (a folder or a .zip) after checking every file against the hashes inside it. */
  importPack: oc.errors(modelErrors).input(z.object({ path: PathSchema })).output(z.object({ id: z.string() })),
  /** Writes an installed model as a pack (.zip) with its hashes inside. */
  exportPack: oc.errors(modelErrors).input(z.object({ id: z.string().min(1).max(200), path: PathSchema })).output(z.object({ path: z.string() })),
  /** Describes a stored image in one sentence with the installed captioning model, for its alt text. */
  caption: oc
    .errors(captionErrors)
    .input(z.object({ hash: BlobHashSchema }))
    .output(z.object({ text: z.string(), modelId: z.string() }))
}
