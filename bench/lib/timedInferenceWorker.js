// bench:local's instrumented inference worker (headless `--inference-worker`): the built worker,
// unchanged, plus a clock reading when each generate request arrives and when each token is
// posted, appended to the file named by HOLDFAST_BENCH_INFERENCE_LOG once its request ends.
// Clock: performance.timeOrigin + performance.now(), with its skew from the wall clock (below).
import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort } from 'node:worker_threads'

const logFile = process.env.HOLDFAST_BENCH_INFERENCE_LOG
if (!parentPort || !logFile) throw new Error('Run by headless mode with --inference-worker and HOLDFAST_BENCH_INFERENCE_LOG set.')
const port = parentPort
const now = () => performance.timeOrigin + performance.now()

/**
 * How far this thread's clock is from the wall clock, which every process shares. timeOrigin is
 * read from the wall clock once, when the thread starts, so two processes can disagree by about a
 * millisecond; averaged over 20 ms, Date.now()'s whole milliseconds still give it to ~0.1 ms.
 */
function clockSkewMs() {
  let sum = 0
  let samples = 0
  for (const end = performance.now() + 20; performance.now() < end; samples++) sum += now() - Date.now()
  return sum / samples - 0.5
}
const skewMs = clockSkewMs()

/** Request id → its clock readings, written out when the request ends (not on the token's path). */
const requests = new Map()

// Registered before the real worker's listener, so it reads the clock first.
port.on('message', (message) => {
  if (message?.type === 'generate') requests.set(message.id, { id: message.id, requestAt: now(), tokenAts: [] })
})

const post = port.postMessage.bind(port)
port.postMessage = (message, transfer) => {
  const at = now()
  post(message, transfer)
  const request = requests.get(message?.id)
  if (!request) return
  if (message.type === 'token') request.tokenAts.push(at)
  if (message.type === 'done' || message.type === 'error') {
    requests.delete(message.id)
    appendFileSync(logFile, JSON.stringify({ ...request, skewMs, end: message.type }) + '\n')
  }
}

await import(pathToFileURL(resolve(import.meta.dirname, '../../out/main/inference-worker.js')).href)
