import { parentPort, workerData } from 'node:worker_threads'
import { z } from 'zod'
import { ArchiveError, toMessage } from './archiveError'
import { unpackWorkspaceDatabase } from './unpackArchive'

// Unpacking and checking an imported archive (inflating holdfast.db, PRAGMA integrity_check)
// on its own thread, so the core's RPC loop keeps answering. One worker per import.

const { zipFile, databaseFile } = z.object({ zipFile: z.string(), databaseFile: z.string() }).parse(workerData)

unpackWorkspaceDatabase(zipFile, databaseFile).then(
  () => parentPort?.postMessage({ ok: true }),
  (error: unknown) =>
    parentPort?.postMessage(
      error instanceof ArchiveError ? { ok: false, refused: toMessage(error) } : { ok: false, failed: error instanceof Error ? error.message : String(error) }
    )
)
