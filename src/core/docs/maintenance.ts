import type { Database } from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { compactDocument, type CompactionResult } from './compaction'

/** Runs document compaction somewhere that is not the RPC path. */
export interface Maintenance {
  compact(docId: string): Promise<CompactionResult>
  close(): Promise<void>
}

const ReplySchema = z.union([
  z.object({
    id: z.number(),
    ok: z.literal(true),
    result: z.object({ merged: z.number(), snapshotBytes: z.number(), pendingBytes: z.number() })
  }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() })
])

/** Compaction in a worker thread with its own connection (the app, headless mode). */
export function workerMaintenance(workerScript: string, databaseFile: string): Maintenance {
  const worker = new Worker(workerScript, { workerData: { databaseFile } })
  const waiting = new Map<number, { resolve: (r: CompactionResult) => void; reject: (e: Error) => void }>()
  let nextId = 1

  worker.on('message', (message: unknown) => {
    const reply = ReplySchema.parse(message)
    const caller = waiting.get(reply.id)
    waiting.delete(reply.id)
    if (reply.ok) caller?.resolve(reply.result)
    else caller?.reject(new Error(reply.message))
  })
  // If the worker dies, every waiting caller hears why; compaction is retried on later appends.
  worker.on('error', (error) => {
    for (const caller of waiting.values()) caller.reject(error)
    waiting.clear()
  })

  return {
    compact: (docId) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, docId })
      }),
    close: async () => {
      await worker.terminate()
    }
  }
}

/** Compaction on the calling thread: for tests and tools that have no worker script. */
export function inlineMaintenance(db: Database): Maintenance {
  return {
    compact: (docId) => Promise.resolve(compactDocument(db, docId)),
    close: () => Promise.resolve()
  }
}
