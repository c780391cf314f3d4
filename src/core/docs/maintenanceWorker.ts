import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { z } from 'zod'
import { maintenanceTasks } from './maintenanceTasks'

// Heavy document work (compaction, search indexing) on its own thread and its own SQLite
// connection, so the core's RPC loop never waits for it. WAL lets this connection read while
// the core appends.

const { databaseFile } = z.object({ databaseFile: z.string() }).parse(workerData)
const RequestSchema = z.object({ id: z.number(), task: z.enum(['compact', 'index', 'autoVersion']), docId: z.string() })

const db = new Database(databaseFile, { fileMustExist: true })
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 10000')

parentPort?.on('message', (message: unknown) => {
  const request = RequestSchema.parse(message)
  try {
    const result = maintenanceTasks[request.task](db, request.docId)
    parentPort?.postMessage({ id: request.id, ok: true, result })
  } catch (error) {
    parentPort?.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
})
