import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { ArchiveError, ArchiveErrorMessageSchema } from './archiveError'
import { unpackWorkspaceDatabase } from './unpackArchive'

const ReplySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), refused: ArchiveErrorMessageSchema }),
  z.object({ ok: z.literal(false), failed: z.string() })
])

/**
 * unpackWorkspaceDatabase() in the built worker (out/main/archive-worker.js) when there is one,
 * so a big archive does not hold up the RPC loop; inline otherwise (tests).
 */
export function unpackOffThread(zipFile: string, databaseFile: string, workerScript: string | undefined): Promise<void> {
  if (!workerScript) return unpackWorkspaceDatabase(zipFile, databaseFile)
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: { zipFile, databaseFile } })
    worker.once('message', (message: unknown) => {
      const reply = ReplySchema.parse(message)
      if (reply.ok) resolve()
      else if ('refused' in reply) reject(new ArchiveError(reply.refused.code, reply.refused.message, reply.refused.data))
      else reject(new Error(reply.failed))
      void worker.terminate()
    })
    worker.once('error', reject)
    // Only reached without a reply (a settled promise ignores it): the worker died.
    worker.once('exit', (code) => reject(new Error(`The archive check stopped without an answer (exit code ${code}).`)))
  })
}
