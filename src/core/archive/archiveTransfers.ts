import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_CHUNK_BYTES, ARCHIVE_MAX_BYTES } from '../../shared/contracts/archive'
import type { Workspace } from '../workspace'
import { busy, outOfOrder, tooLarge, transferNotFound } from './archiveError'
import { MAX_EXPORTS, MAX_PENDING_UPLOAD_BYTES, MAX_UPLOADS, TRANSFER_IDLE_MS } from './archiveLimits'
import { exportArchive } from './exportArchive'
import { unpackOffThread } from './unpackOffThread'

/** Every temporary file of ours in tmp/ starts with this; nothing else there is touched. */
const TEMP_PREFIX = 'archive-'

interface ExportSession {
  file: string
  size: number
  touched: number
}

interface UploadSession {
  file: string
  handle: Promise<FileHandle>
  size: number
  received: number
  /** The chunks' writes, in order: finishing waits for them. */
  writes: Promise<void>
  touched: number
}

export interface ArchiveTransfersOptions {
  /** The data folder: temporary files go to its tmp/. */
  dataDir: string
  appVersion: string
  workspace: Pick<Workspace, 'copyDatabase' | 'importDatabase'>
  /** The built archive worker (out/main/archive-worker.js); without it an import is checked inline. */
  unpackWorker?: string
  now?: () => number
}

/**
 * Workspace archives in transit: exports made and waiting to be read in chunks, uploads being
 * received in chunks and then imported. Each lives in a temporary file in the data folder's
 * tmp/, removed when it ends, when it has been idle too long, or at the next start.
 */
export class ArchiveTransfers {
  private readonly exports = new Map<string, ExportSession>()
  private readonly uploads = new Map<string, UploadSession>()
  private preparingExports = 0
  private swapping: Promise<void> = Promise.resolve()
  private readonly tempDir: string
  private readonly now: () => number

  constructor(private readonly options: ArchiveTransfersOptions) {
    this.tempDir = join(options.dataDir, 'tmp')
    this.now = options.now ?? Date.now
    removeLeftovers(this.tempDir)
  }

  async beginExport(): Promise<{ archiveId: string; size: number; fileName: string; draftCount: number }> {
    await this.dropIdle()
    if (this.exports.size + this.preparingExports >= MAX_EXPORTS) throw busy()
    this.preparingExports++
    try {
      await mkdir(this.tempDir, { recursive: true })
      const archiveId = randomUUID()
      const archive = await exportArchive({
        copyDatabase: (file) => this.options.workspace.copyDatabase(file),
        appVersion: this.options.appVersion,
        tempStem: join(this.tempDir, `${TEMP_PREFIX}export-${archiveId}`),
        now: new Date(this.now())
      })
      this.exports.set(archiveId, { file: archive.file, size: archive.size, touched: this.now() })
      return { archiveId, size: archive.size, fileName: archive.fileName, draftCount: archive.draftCount }
    } finally {
      this.preparingExports--
    }
  }

  async readExport(archiveId: string, offset: number): Promise<Uint8Array> {
    const session = this.exports.get(archiveId)
    if (!session) throw transferNotFound(archiveId)
    session.touched = this.now()
    if (offset > session.size) throw outOfOrder(session.size, `byte ${offset} was asked for, but the archive has ${session.size}`)
    const length = Math.min(ARCHIVE_CHUNK_BYTES, session.size - offset)
    const file = await open(session.file, 'r')
    try {
      const bytes = new Uint8Array(length)
      const { bytesRead } = await file.read(bytes, 0, length, offset)
      return bytes.subarray(0, bytesRead)
    } finally {
      await file.close()
    }
  }

  async endExport(archiveId: string): Promise<boolean> {
    const session = this.exports.get(archiveId)
    if (!session) return false
    this.exports.delete(archiveId)
    await rm(session.file, { force: true })
    return true
  }

  async beginUpload(size: number): Promise<string> {
    if (size > ARCHIVE_MAX_BYTES) throw tooLarge('The archive is too large to import', size, ARCHIVE_MAX_BYTES)
    await this.dropIdle()
    await mkdir(this.tempDir, { recursive: true })
    const pending = [...this.uploads.values()].reduce((sum, upload) => sum + upload.size, 0)
    if (this.uploads.size >= MAX_UPLOADS || pending + size > MAX_PENDING_UPLOAD_BYTES) throw busy()
    const uploadId = randomUUID()
    const file = join(this.tempDir, `${TEMP_PREFIX}import-${uploadId}.zip`)
    const session: UploadSession = { file, handle: open(file, 'wx'), size, received: 0, writes: Promise.resolve(), touched: this.now() }
    this.uploads.set(uploadId, session)
    try {
      await session.handle
    } catch (error) {
      this.uploads.delete(uploadId)
      throw error
    }
    return uploadId
  }

  /** Appends a chunk; chunks must come in order. Returns how many bytes have arrived. */
  async receiveChunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<number> {
    const session = this.uploads.get(uploadId)
    if (!session) throw transferNotFound(uploadId)
    session.touched = this.now()
    if (offset !== session.received) throw outOfOrder(session.received, `the part at byte ${offset} came when the one at byte ${session.received} was due`)
    if (offset + bytes.byteLength > session.size) throw outOfOrder(session.received, `more than the ${session.size} bytes announced arrived`)
    session.received += bytes.byteLength
    session.writes = session.writes.then(async () => writeAll(await session.handle, bytes, offset))
    try {
      await session.writes
    } catch (error) {
      await this.abortUpload(uploadId)
      throw error
    }
    return session.received
  }

  /**
   * Checks the uploaded archive off the RPC loop and, if it is sound, makes its database the
   * workspace's (the current one is backed up and moved aside first). The upload ends either way.
   */
  async finishUpload(uploadId: string): Promise<void> {
    const session = this.uploads.get(uploadId)
    if (!session) throw transferNotFound(uploadId)
    this.uploads.delete(uploadId)
    const databaseFile = join(this.tempDir, `${TEMP_PREFIX}import-${uploadId}.db`)
    try {
      await session.writes
      await (await session.handle).close()
      if (session.received !== session.size) {
        throw outOfOrder(session.received, `only ${session.received} of the ${session.size} bytes announced arrived`)
      }
      await unpackOffThread(session.file, databaseFile, this.options.unpackWorker)
      await this.oneSwapAtATime(() => this.options.workspace.importDatabase(databaseFile))
    } finally {
      await rm(session.file, { force: true })
      await rm(databaseFile, { force: true })
    }
  }

  async abortUpload(uploadId: string): Promise<boolean> {
    const session = this.uploads.get(uploadId)
    if (!session) return false
    this.uploads.delete(uploadId)
    await session.writes.catch(() => undefined)
    await (await session.handle).close()
    await rm(session.file, { force: true })
    return true
  }

  /** Ends every transfer and removes its files (at shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.exports.keys()].map((id) => this.endExport(id)))
    await Promise.all([...this.uploads.keys()].map((id) => this.abortUpload(id)))
  }

  /** Transfers whose window went away mid-way are not kept forever. */
  private async dropIdle(): Promise<void> {
    const cutoff = this.now() - TRANSFER_IDLE_MS
    for (const [id, session] of this.exports) if (session.touched < cutoff) await this.endExport(id)
    for (const [id, session] of this.uploads) if (session.touched < cutoff) await this.abortUpload(id)
  }

  private oneSwapAtATime(swap: () => Promise<void>): Promise<void> {
    const done = this.swapping.then(swap)
    this.swapping = done.catch(() => undefined)
    return done
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) {
    const { bytesWritten } = await file.write(bytes, at, bytes.byteLength - at, position + at)
    at += bytesWritten
  }
}

/** Temporary files an earlier run left behind (it crashed, or was closed mid-transfer). */
function removeLeftovers(tempDir: string): void {
  // Nothing is created at start: a data folder holds only what is needed.
  if (!existsSync(tempDir)) return
  for (const name of readdirSync(tempDir)) {
    if (name.startsWith(TEMP_PREFIX)) rmSync(join(tempDir, name), { recursive: true, force: true })
  }
}
