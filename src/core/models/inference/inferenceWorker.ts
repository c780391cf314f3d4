import { parentPort, workerData } from 'node:worker_threads'
import { InferenceEngine } from './engine'
import { WorkerDataSchema } from './protocol'

// Local model inference on its own thread (out/main/inference-worker.js), so loading a model and
// generating never block the core's RPC loop. The host (inferenceHost.ts) starts it on the first
// request and again after a crash.

const port = parentPort
if (!port) throw new Error('The inference worker must run in a worker thread.')

const engine = new InferenceEngine(WorkerDataSchema.parse(workerData), (message) => port.postMessage(message))
port.on('message', (message: unknown) => engine.receive(message))
