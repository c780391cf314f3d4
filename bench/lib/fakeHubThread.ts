import { randomBytes } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { z } from 'zod'
import { startFakeHub } from '../../test/fixtures/fakeHub'

// The fake Hub on its own thread, so serving the bytes and downloading them do not share one
// event loop (the real Hub is another machine). Posts its address, then serves until terminated.

const { repoId, config, megabytes } = z.object({ repoId: z.string(), config: z.string(), megabytes: z.number() }).parse(workerData)
const hub = await startFakeHub({ repos: { [repoId]: { 'config.json': config, 'onnx/model.onnx': randomBytes(megabytes * 1024 * 1024) } } })
parentPort?.postMessage(hub.url)
