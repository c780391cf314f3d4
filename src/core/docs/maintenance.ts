import type { Database } from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { maintenanceTasks, type MaintenanceResult, type MaintenanceTask } from './maintenanceTasks'

/** Runs document compaction and search indexing somewhere that is not the RPC path. */
export interface Maintenance {
  run<T extends MaintenanceTask>(task: T, docId: string): Promise<MaintenanceResult<T>>
  close(): Promise<void>
}

const ReplySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() })
])

/** Tasks in a worker thread with its own connection (the app, headless mode). */
export function workerMaintenance(workerScript: string, databaseFile: string): Maintenance {
  const worker = new Worker(workerScript, { workerData: { databaseFile } })
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1

  worker.on('message', (message: unknown) => {
    const reply = ReplySchema.parse(message)
    const caller = waiting.get(reply.id)
    waiting.delete(reply.id)
    if (reply.ok) caller?.resolve(reply.result)
    else caller?.reject(new Error(reply.message))
  })
  // If the worker dies, every waiting caller hears why; the work is retried on later changes.
  worker.on('error', (error) => {
    for (const caller of waiting.values()) caller.reject(error)
    waiting.clear()
  })

  return {
    run: <T extends MaintenanceTask>(task: T, docId: string) =>
      new Promise<MaintenanceResult<T>>((resolve, reject) => {
        const id = nextId++
        // The worker runs the same function, so its result has the task's result type.
        waiting.set(id, { resolve: (result) => resolve(result as MaintenanceResult<T>), reject })
        worker.postMessage({ id, task, docId })
      }),
    close: async () => {
      await worker.terminate()
    }
  }
}

/** Tasks on the calling thread: for tests and tools that have no worker script. */
export function inlineMaintenance(db: Database): Maintenance {
  return {
    run: <T extends MaintenanceTask>(task: T, docId: string) =>
      Promise.resolve(maintenanceTasks[task](db, docId) as MaintenanceResult<T>),
    close: () => Promise.resolve()
  }
}
