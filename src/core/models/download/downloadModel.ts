import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogModel } from '../../../shared/models/catalog'
import type { InstallManifest } from '../installManifest'
import { ensureDiskSpace, freeBytesOnDisk, type FreeBytesFunction } from './diskSpace'
import { downloadFile } from './downloadFile'
import { planDownload, type PlannedFile } from './downloadPlan'
import { fetchHubRevision, withTrailingSlash } from './hubRevision'
import { installDownload } from './installDownload'
import { ModelDownloadError } from './modelDownloadError'
import { DEFAULT_RETRY, type RetryPolicy } from './retry'
import { prepareStaging } from './staging'
import { DEFAULT_STALL_TIMEOUT_MS } from './stallTimer'
import { verifyFile } from './verifyFile'

export interface DownloadProgress {
  /** Bytes of the model's files on disk, including those kept from an earlier attempt. */
  receivedBytes: number
  totalBytes: number
  /** The file being downloaded. */
  file: string
}

export interface DownloadModelOptions {
  /** The Hub, e.g. https://huggingface.co, or a mirror. */
  hubUrl: string
  modelsDir: string
  model: CatalogModel
  /** Aborting pauses: the download stops with a 'paused' error and keeps what it received. */
  signal?: AbortSignal
  onProgress?: (progress: DownloadProgress) => void
  fetchImpl?: typeof fetch
  /** Free bytes on the models folder's disk; statfs unless given (tests). */
  freeBytes?: FreeBytesFunction
  retry?: RetryPolicy
  /** A request that receives nothing for this long is given up and retried. Default 30 s. */
  stallTimeoutMs?: number
}

/**
 * Downloads a catalog model from the Hub into `<modelsDir>/<id>`: the catalog's files at one
 * commit, each verified against the Hub's hashes and the catalog's pins, then installed at once
 * with its holdfast-model.json. Calling it again after a pause or failure resumes.
 */
export async function downloadModel(options: DownloadModelOptions): Promise<InstallManifest> {
  const { model, signal } = options
  try {
    return await download(options)
  } catch (error) {
    if (signal?.aborted) {
      throw new ModelDownloadError('paused', `The download of ${model.name} is paused; what was received is kept.`, { cause: error })
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC') {
      throw new ModelDownloadError('disk-space', `The disk filled up while downloading ${model.name}. Free up some space and try again; what was received is kept.`, { cause: error })
    }
    throw error
  }
}

async function download(options: DownloadModelOptions): Promise<InstallManifest> {
  const { hubUrl, modelsDir, model, signal } = options
  const fetchImpl = options.fetchImpl ?? fetch
  const retry = options.retry ?? DEFAULT_RETRY
  signal?.throwIfAborted()
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS
  const revision = await fetchHubRevision({ hubUrl, model, fetchImpl, retry, stallTimeoutMs, signal })
  const plan = planDownload(model, revision)
  await mkdir(modelsDir, { recursive: true })
  const staging = await prepareStaging(modelsDir, model.id, revision.sha)

  const totalBytes = plan.reduce((sum, file) => sum + file.size, 0)
  const stagedBefore = await Promise.all(plan.map((file) => stagedSize(staging, file)))
  const alreadyStaged = stagedBefore.reduce((sum, bytes) => sum + bytes, 0)
  await ensureDiskSpace({ folder: modelsDir, remainingBytes: totalBytes - alreadyStaged, modelName: model.name, freeBytes: options.freeBytes ?? freeBytesOnDisk })

  const onDisk = new Map(plan.map((file, index) => [file.path, stagedBefore[index] ?? 0]))
  const report = (file: string, bytes: number): void => {
    onDisk.set(file, bytes)
    options.onProgress?.({ receivedBytes: [...onDisk.values()].reduce((sum, size) => sum + size, 0), totalBytes, file })
  }
  const files: InstallManifest['files'] = []
  for (const file of plan) {
    signal?.throwIfAborted()
    const destination = join(staging, ...file.path.split('/'))
    await downloadFile({
      url: fileUrl(hubUrl, model.id, revision.sha, file.path),
      destination,
      size: file.size,
      label: `${file.path} of ${model.name}`,
      fetchImpl,
      retry,
      stallTimeoutMs,
      signal,
      onBytes: (bytes) => report(file.path, bytes)
    })
    try {
      files.push({ path: file.path, size: file.size, sha256: await verifyFile(destination, file, model.name) })
    } catch (error) {
      report(file.path, 0)
      throw error
    }
  }
  signal?.throwIfAborted()
  const manifest: InstallManifest = { format: 1, id: model.id, task: model.task, revision: revision.sha, files, installedAt: new Date().toISOString(), source: 'hub' }
  await installDownload(modelsDir, staging, manifest)
  return manifest
}

/** The Hub's download address of a file at a commit, which never changes (so Range resumes are safe). */
function fileUrl(hubUrl: string, id: string, commit: string, path: string): URL {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/')
  return new URL(`${id}/resolve/${commit}/${encodedPath}`, withTrailingSlash(hubUrl))
}

/** Bytes of a file already in staging, at most its published size. */
async function stagedSize(staging: string, file: PlannedFile): Promise<number> {
  try {
    return Math.min((await stat(join(staging, ...file.path.split('/')))).size, file.size)
  } catch {
    return 0
  }
}
