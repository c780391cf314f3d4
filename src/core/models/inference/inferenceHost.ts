import { freemem, totalmem } from 'node:os'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { ProviderError, type ChatMessage } from '../../ai/provider'
import type { Logger } from '../../logger'
import type { InferenceEngine } from './engine'
import { FromWorkerSchema, ToWorkerSchema, type FromWorker, type GenerationStats, type ToWorker, type WorkerData } from './protocol'
import { abortedError, Answer, cannotRunError, Caption, Embedding, failureError } from './pendingRequests'

export type { GenerationStats } from './protocol'

/** A model stays loaded this long after its last request. */
export const DEFAULT_IDLE_UNLOAD_MS = 5 * 60_000
/** How long a worker asked to end may take (interrupting, releasing models) before it is terminated. */
const SHUTDOWN_GRACE_MS = 3000

export interface InferenceHostOptions {
  /** The models folder: `<modelsDir>/<modelId>/config.json` and so on. Nothing is ever downloaded. */
  modelsDir: string
  /** The built worker (out/main/inference-worker.js); without it the engine runs on the calling thread (tests, tools). */
  workerScript?: string
  idleUnloadMs?: number
  /** When models not in use are unloaded early because the computer is short of memory. */
  memory?: MemoryWatch
  log?: Logger
  /** Why local models cannot run on this computer (see onnxRuntimeUnavailable): every request then fails at once, and nothing starts. */
  cannotRun?: string
}

export interface MemoryWatch {
  /** Memory the system can still give (os.freemem: MemAvailable on Linux). */
  freeBytes: () => number
  /** Below this, idle models are unloaded. */
  lowBytes: number
  checkEveryMs: number
}

const DEFAULT_MEMORY_WATCH: MemoryWatch = {
  freeBytes: freemem,
  lowBytes: Math.max(512 * 2 ** 20, totalmem() * 0.1),
  checkEveryMs: 15_000
}

export interface GenerateRequest {
  /** A folder path under the models folder, e.g. "HuggingFaceTB/SmolLM2-360M-Instruct". */
  modelId: string
  messages: ChatMessage[]
  /** The assistant's answer starts with this text; only what follows it is streamed. */
  prefill?: string
  maxTokens: number
  /** Absent or 0: greedy decoding. */
  temperature?: number
}

export interface GenerateOptions {
  /** Aborting ends the stream at once with ProviderError 'aborted' and stops the model at its next step. */
  signal: AbortSignal
  /** Called once after a complete answer. */
  onStats?: (stats: GenerationStats) => void
}

export interface EmbedRequest {
  /** A feature-extraction model's folder path under the models folder. */
  modelId: string
  /** At most 64 texts; each gets one mean-pooled, normalized vector. */
  texts: string[]
}

export interface CaptionRequest {
  /** An image-to-text model's folder path under the models folder. */
  modelId: string
  /** The encoded image (PNG, JPEG, GIF or WebP), at most IMAGE_MAX_BYTES like any image in a draft. */
  image: Uint8Array
  /** The caption's length limit in tokens (default 40: one sentence). */
  maxTokens?: number
}

/** One sentence is enough for alt text. */
const DEFAULT_CAPTION_TOKENS = 40

export type ModelEvent = Extract<FromWorker, { type: 'model' }>

/** The worker thread, or the engine on this thread: the same messages either way. */
interface Channel {
  send(message: ToWorker): void
  /** Ends it as a crash would. */
  kill(): Promise<void>
  /** Ends it on purpose (close). */
  stop(): Promise<void>
}

/**
 * Runs local text generation, embedding and image captioning off the core's thread. The worker
 * starts with the first request; if it dies, every request in flight fails with ProviderError
 * 'network' and the next request starts a new one. Requests to one model run one at a time, in
 * order; a model loads once and is unloaded after `idleUnloadMs` without requests.
 */
export class InferenceHost {
  private channel: Channel | undefined
  private readonly pending = new Map<number, Answer | Embedding | Caption>()
  private readonly listeners = new Set<(event: ModelEvent) => void>()
  private nextId = 1
  private closed = false
  private starts = 0
  private readonly loadedModels = new Set<string>()
  private memoryTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: InferenceHostOptions) {}

  get modelsDir(): string {
    return this.options.modelsDir
  }

  /** Why local models cannot run on this computer, if they cannot. */
  get cannotRun(): string | undefined {
    return this.options.cannotRun
  }

  /** How many times a worker (or in-process engine) was started: 1 after the first request, more after crashes. */
  get startCount(): number {
    return this.starts
  }

  /** Streams the answer's text deltas. Throws ProviderError. */
  async *stream(request: GenerateRequest, options: GenerateOptions): AsyncGenerator<string, void, undefined> {
    const { signal } = options
    this.refuseAtOnce(signal)
    const id = this.nextId++
    const message = ToWorkerSchema.safeParse({ type: 'generate', id, ...request })
    if (!message.success) throw new ProviderError('rejected', `The local model request is not valid: ${z.prettifyError(message.error)}`)
    const answer = new Answer(request.modelId)
    const channel = this.ensureChannel()
    this.pending.set(id, answer)
    const onAbort = (): void => {
      this.forget(id, channel)
      answer.fail(abortedError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      channel.send(message.data)
      for (;;) {
        const next = await answer.next()
        if (next === undefined) break
        yield next
      }
      if (answer.stats) options.onStats?.(answer.stats)
    } finally {
      signal.removeEventListener('abort', onAbort)
      // The consumer stopped early, or the answer failed: the worker need not go on.
      this.forget(id, channel)
    }
  }

  /** The texts' vectors, in order. Throws ProviderError ('aborted' when the signal aborts). */
  async embed(request: EmbedRequest, signal: AbortSignal): Promise<Float32Array[]> {
    this.refuseAtOnce(signal)
    const id = this.nextId++
    const message = ToWorkerSchema.safeParse({ type: 'embed', id, ...request })
    if (!message.success) throw new ProviderError('rejected', `The embedding request is not valid: ${z.prettifyError(message.error)}`)
    const embedding = new Embedding(request.modelId, request.texts.length)
    const channel = this.ensureChannel()
    this.pending.set(id, embedding)
    const onAbort = (): void => {
      this.forget(id, channel)
      embedding.fail(abortedError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      channel.send(message.data)
      return await embedding.result
    } finally {
      signal.removeEventListener('abort', onAbort)
      this.forget(id, channel)
    }
  }

  /** The image's caption. Throws ProviderError ('aborted' when the signal aborts). */
  async caption(request: CaptionRequest, signal: AbortSignal): Promise<string> {
    this.refuseAtOnce(signal)
    const id = this.nextId++
    const message = ToWorkerSchema.safeParse({ type: 'caption', id, modelId: request.modelId, image: request.image, maxTokens: request.maxTokens ?? DEFAULT_CAPTION_TOKENS })
    if (!message.success) throw new ProviderError('rejected', `The caption request is not valid: ${z.prettifyError(message.error)}`)
    const caption = new Caption(request.modelId)
    const channel = this.ensureChannel()
    this.pending.set(id, caption)
    const onAbort = (): void => {
      this.forget(id, channel)
      caption.fail(abortedError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      channel.send(message.data)
      return await caption.result
    } finally {
      signal.removeEventListener('abort', onAbort)
      this.forget(id, channel)
    }
  }

  /** Called with every model load and idle unload. Returns the unsubscribe. */
  onModelEvent(listener: (event: ModelEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Ends the worker at once as a crash would (diagnostics and tests); the next request starts a new one. */
  async kill(): Promise<void> {
    await this.channel?.kill()
  }

  /** Fails what is in flight and stops the worker. */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.memoryTimer)
    const channel = this.channel
    this.channel = undefined
    this.failAll(new ProviderError('network', 'The local model engine was shut down.'))
    await channel?.stop()
  }

  /** Throws what a request would fail with before reaching the worker: cancelled, shut down, or local models cannot run here. */
  private refuseAtOnce(signal: AbortSignal): void {
    if (signal.aborted) throw abortedError()
    if (this.closed) throw new ProviderError('network', 'The local model engine has been shut down.')
    if (this.options.cannotRun !== undefined) throw cannotRunError(this.options.cannotRun)
  }

  /** While models are loaded, checks the system's free memory and asks the worker to release idle ones when it runs short. */
  private watchMemory(): void {
    if (this.memoryTimer) return
    const watch = this.options.memory ?? DEFAULT_MEMORY_WATCH
    this.memoryTimer = setInterval(() => {
      if (this.loadedModels.size === 0 || !this.channel || watch.freeBytes() >= watch.lowBytes) return
      this.options.log?.warn(`Memory is short (${Math.round(watch.freeBytes() / 2 ** 20)} MB free): unloading local models that are not in use.`)
      this.channel.send({ type: 'release-idle' })
    }, watch.checkEveryMs)
    this.memoryTimer.unref()
  }

  private forget(id: number, channel: Channel): void {
    const answer = this.pending.get(id)
    if (!answer) return
    this.pending.delete(id)
    if (!answer.finished && channel === this.channel) channel.send({ type: 'cancel', id })
  }

  private ensureChannel(): Channel {
    if (!this.channel) {
      this.starts++
      const data: WorkerData = { modelsDir: this.options.modelsDir, idleUnloadMs: this.options.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS }
      this.channel = this.options.workerScript ? this.startWorker(this.options.workerScript, data) : this.startInline(data)
      this.loadedModels.clear()
      this.watchMemory()
    }
    return this.channel
  }

  private startWorker(script: string, data: WorkerData): Channel {
    const worker = new Worker(script, { workerData: data, name: 'holdfast-inference' })
    let crash: Error | undefined
    let stopping = false
    // A polite end: the worker interrupts, releases its models and closes its port; only a worker
    // that does not end in time is terminated (which can abort the process from native code).
    const end = async (): Promise<void> => {
      stopping = true
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage({ type: 'shutdown' } satisfies ToWorker)
      const timer = setTimeout(() => void worker.terminate(), SHUTDOWN_GRACE_MS)
      await exited
      clearTimeout(timer)
    }
    const channel: Channel = {
      send: (message) => worker.postMessage(message),
      kill: async () => {
        // Seen from the host exactly as a crash: what is in flight fails, the next request restarts.
        this.died(channel, 'it was terminated')
        await end()
      },
      stop: end
    }
    worker.on('message', (message: unknown) => this.receive(channel, message))
    worker.on('error', (error) => {
      crash = error
    })
    worker.on('exit', (code) => {
      if (stopping) return
      this.died(channel, crash ? crash.message : `exit code ${code}`)
    })
    return channel
  }

  private startInline(data: WorkerData): Channel {
    let alive = true
    // Loaded here, not imported by this module: transformers.js loads ONNX Runtime's native code,
    // which the core must start without. Failing to load it is a crash of this channel.
    const engine: Promise<InferenceEngine> = import('./engine').then(
      ({ InferenceEngine }) =>
        // Messages are cloned and delivered on a later turn, as between threads.
        new InferenceEngine(data, (message) => {
          const copy = structuredClone(message)
          setImmediate(() => {
            if (alive) this.receive(channel, copy)
          })
        })
    )
    engine.catch((error: unknown) => this.died(channel, `the engine could not be loaded: ${error instanceof Error ? error.message : String(error)}`))
    const end = async (): Promise<void> => {
      alive = false
      await (await engine.catch(() => undefined))?.close()
    }
    const channel: Channel = {
      send: (message) => {
        const copy = structuredClone(message)
        void engine.then(
          (loaded) =>
            setImmediate(() => {
              if (alive) loaded.receive(copy)
            }),
          () => undefined
        )
      },
      kill: async () => {
        const closing = end()
        this.died(channel, 'it was terminated')
        await closing
      },
      stop: end
    }
    return channel
  }

  private receive(channel: Channel, raw: unknown): void {
    if (channel !== this.channel) return
    const parsed = FromWorkerSchema.safeParse(raw)
    if (!parsed.success) {
      this.options.log?.error('The inference worker sent a malformed message; it is ignored.', parsed.error)
      return
    }
    const message = parsed.data
    if (message.type === 'model') {
      if (message.state === 'loaded') this.loadedModels.add(message.modelId)
      else this.loadedModels.delete(message.modelId)
      for (const listener of this.listeners) listener(message)
      return
    }
    const answer = this.pending.get(message.id)
    if (!answer) return
    if (message.type === 'error') {
      answer.fail(failureError(message.failure, answer.modelId, message.message))
      return
    }
    if (answer instanceof Embedding) {
      if (message.type === 'embeddings') answer.resolve(message.dims, message.vectors)
      return
    }
    if (answer instanceof Caption) {
      if (message.type === 'caption') answer.resolve(message.text)
      return
    }
    if (message.type === 'token') answer.push(message.text)
    else if (message.type === 'done') answer.end(message.stats)
  }

  private died(channel: Channel, reason: string): void {
    if (channel !== this.channel) return
    this.channel = undefined
    const message = `The local model engine stopped unexpectedly (${reason}); it starts again with the next request.`
    if (this.pending.size > 0) this.options.log?.warn(message)
    this.failAll(new ProviderError('network', message))
  }

  private failAll(error: ProviderError): void {
    for (const answer of this.pending.values()) answer.fail(error)
    this.pending.clear()
  }
}
