import { parentPort, workerData } from 'node:worker_threads'
import { InferenceEngine } from './engine'
import { ToWorkerSchema, WorkerDataSchema } from './protocol'

// Local model inference on its own thread (out/main/inference-worker.js), so loading a model and
// generating never block the core's RPC loop. The host (inferenceHost.ts) starts it on the first
// request and again after a crash.

const port = parentPort
if (!port) throw new Error('The inference worker must run in a worker thread.')

const engine = new InferenceEngine(WorkerDataSchema.parse(workerData), (message) => port.postMessage(message))
port.on('message', (message: unknown) => {
  // Ending the thread from outside (terminate) while onnxruntime runs can abort the whole
  // process from native code, so the host asks, and the models are released before the end.
  if (ToWorkerSchema.safeParse(message).data?.type === 'shutdown') {
    void engine.close().finally(() => port.close())
    return
  }
  engine.receive(message)
})
