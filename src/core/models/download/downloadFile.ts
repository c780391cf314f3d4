import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fetchFollowingRedirects } from './followRedirects'
import { ModelDownloadError } from './modelDownloadError'
import { describeFailure, isTransientStatus, TransientFailure, waitBeforeRetry, type RetryPolicy } from './retry'
import { StallTimer } from './stallTimer'

export interface FileDownload {
  url: URL
  destination: string
  /** The size the Hub published; bytes beyond it are never written. */
  size: number
  /** "onnx/model.onnx of Tiny Model", for messages. */
  label: string
  fetchImpl: typeof fetch
  retry: RetryPolicy
  /** A request that receives nothing for this long is given up and retried. */
  stallTimeoutMs: number
  signal: AbortSignal | undefined
  /** Bytes of this file on disk, after each chunk. */
  onBytes: (bytesOnDisk: number) => void
}

/**
 * Downloads one file into `destination`, continuing from the bytes already there with a Range
 * request. Dropped connections and 5xx answers are retried with backoff; after `attempts`
 * failures in a row without new bytes it gives up with a 'network' error, keeping the bytes.
 */
export async function downloadFile(download: FileDownload): Promise<void> {
  await mkdir(dirname(download.destination), { recursive: true })
  if (download.size === 0) {
    await writeFile(download.destination, new Uint8Array())
    return
  }
  for (let failures = 0; ; ) {
    const before = await bytesOnDisk(download.destination)
    if (before === download.size) return
    try {
      await fetchRest(download, before)
      return
    } catch (error) {
      if (!(error instanceof TransientFailure) || download.signal?.aborted) throw error
      const progressed = (await bytesOnDisk(download.destination)) > before
      failures = progressed ? 1 : failures + 1
      if (failures >= download.retry.attempts) {
        throw new ModelDownloadError(
          'network',
          `The download of ${download.label} stopped: ${error.message}. Check the internet connection and try again.`,
          { cause: error }
        )
      }
      await waitBeforeRetry(failures, download.retry, download.signal)
    }
  }
}

/** One request for the bytes from `have` on, appended to the file (or the whole file when the server ignores Range). */
async function fetchRest(download: FileDownload, have: number): Promise<void> {
  const stall = new StallTimer(download.stallTimeoutMs, download.signal)
  try {
    let response: Response
    try {
      const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-` } : {}
      response = await fetchFollowingRedirects(download.url, { headers, signal: stall.signal }, download.fetchImpl)
    } catch (error) {
      if (error instanceof ModelDownloadError) throw error
      throw asTransient(error, download, stall)
    }
    const start = await startOfBody(response, have, download)
    await writeBody(response, start, download, stall)
  } finally {
    stall.stop()
  }
}

/** A failed request as a TransientFailure to retry, unless the caller paused (then it stays an abort). */
function asTransient(error: unknown, download: FileDownload, stall: StallTimer): unknown {
  if (download.signal?.aborted) return error
  if (stall.stalled) return new TransientFailure(`no data arrived for ${Math.round(stall.timeoutMs / 1000)} s`)
  return new TransientFailure(describeFailure(error))
}

/** Where the response's bytes go in the file; throws for answers that carry no usable bytes. */
async function startOfBody(response: Response, have: number, download: FileDownload): Promise<number> {
  if (response.status === 200 && response.body) return 0 // a server that ignores Range sends the whole file
  if (response.status === 206 && response.body) {
    const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1]
    if (Number(start) === have) return have
    await response.body.cancel()
    throw new ModelDownloadError('bad-response', `The Hugging Face Hub sent the wrong part of ${download.label}. Try the download again later.`)
  }
  await response.body?.cancel()
  if (response.status === 416) {
    // The bytes on disk are not a prefix the server recognises: start the file over.
    await rm(download.destination, { force: true })
    throw new TransientFailure('the Hub could not continue the file')
  }
  if (isTransientStatus(response.status)) throw new TransientFailure(`the Hub answered ${response.status}`)
  if (response.status === 404 || response.status === 410) {
    throw new ModelDownloadError('not-found', `The Hugging Face Hub has no file ${download.label}. Update Holdfast or choose another model.`)
  }
  throw new ModelDownloadError('bad-response', `The Hugging Face Hub answered ${response.status} for ${download.label}. Try the download again later.`)
}

/** Streams the body into the file from `start`, stopping at the published size. */
async function writeBody(response: Response, start: number, download: FileDownload, stall: StallTimer): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const file = await open(download.destination, start === 0 ? 'w' : 'a')
  let written = start
  try {
    download.onBytes(written)
    while (written < download.size) {
      const { done, value } = await readChunk(reader, download, stall)
      if (done) break
      stall.alive()
      const chunk = value.subarray(0, download.size - written)
      await file.write(chunk)
      written += chunk.byteLength
      download.onBytes(written)
    }
  } finally {
    // Releases the connection whatever happened: a body read to its end cancels as a no-op.
    await reader.cancel().catch(() => undefined)
    await file.close()
  }
  if (written < download.size) throw new TransientFailure('the connection closed before the end of the file')
}

/** The next chunk; a broken or silent connection is a TransientFailure, a pause stays an abort. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, download: FileDownload, stall: StallTimer): ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> {
  try {
    return await reader.read()
  } catch (error) {
    throw asTransient(error, download, stall)
  }
}

async function bytesOnDisk(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch {
    return 0
  }
}
