import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  env,
  type FeatureExtractionPipeline,
  type ImageToTextPipeline,
  InterruptableStoppingCriteria,
  pipeline,
  RawImage,
  type DataType,
  type Message,
  type PreTrainedTokenizer,
  type TextGenerationPipeline,
  TextStreamer
} from '@huggingface/transformers'
import { z } from 'zod'
import { isModelInstalled, modelFolder } from '../installedModels'
import { ToWorkerSchema, type CaptionMessage, type EmbedMessage, type FromWorker, type GenerateMessage, type ModelRequest, type WorkerData } from './protocol'

type ChatMessage = GenerateMessage['messages'][number]

// The model side of local inference: loads transformers.js pipelines (text generation, feature
// extraction, image to text) from the models folder only, keeps one queue per model, streams text
// deltas and stops at the next step when cancelled, embeds texts and captions images. It runs
// inside the inference worker thread; tests may run it in-process.

type Post = (message: FromWorker) => void

interface Job {
  cancelled: boolean
  readonly criteria: InterruptableStoppingCriteria
}

/** A loaded pipeline, tagged with the request type it serves. */
type Loaded =
  | { type: 'generate'; pipe: TextGenerationPipeline }
  | { type: 'embed'; pipe: FeatureExtractionPipeline }
  | { type: 'caption'; pipe: ImageToTextPipeline }

interface Slot {
  readonly modelId: string
  readonly type: ModelRequest['type']
  loaded?: Loaded
  /** The end of this model's queue: requests (and the idle unload) run one after another. */
  tail: Promise<void>
  /** Requests queued or running. */
  waiting: number
  idleTimer?: NodeJS.Timeout
}

/**
 * transformers.js reads its folders from the global `env`; loads in one thread are serialized so
 * that engines with different models folders (tests running in-process) never mix them up.
 */
let loadLock: Promise<unknown> = Promise.resolve()
function withLoadLock<T>(load: () => Promise<T>): Promise<T> {
  const result = loadLock.then(load)
  loadLock = result.catch(() => undefined)
  return result
}

/** ONNX weight variants by preference on CPU, with the file-name suffix transformers.js gives each. */
const DTYPE_FILES: readonly [DataType, string][] = [
  ['q4', '_q4'],
  ['q8', '_quantized'],
  ['int8', '_int8'],
  ['uint8', '_uint8'],
  ['bnb4', '_bnb4'],
  ['fp32', ''],
  ['fp16', '_fp16'],
  ['q4f16', '_q4f16']
]

/** The ONNX file whose variants decide the dtype: `model` for decoders and encoders, `decoder_model_merged` for vision encoder-decoders. */
const WEIGHT_FILES = ['model', 'decoder_model_merged'] as const

/** The weights to load: what config.json's transformers.js_config names, else the best file present. */
function pickDtype(folder: string): DataType | undefined {
  for (const [dtype, suffix] of DTYPE_FILES) {
    if (WEIGHT_FILES.some((file) => existsSync(join(folder, 'onnx', `${file}${suffix}.onnx`)))) return dtype
  }
  return undefined
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export class InferenceEngine {
  private readonly slots = new Map<string, Slot>()
  private readonly jobs = new Map<number, Job>()
  private closed = false

  constructor(
    private readonly options: WorkerData,
    private readonly post: Post
  ) {}

  /** Handles one message from the host; anything that does not parse is answered, never thrown. */
  receive(raw: unknown): void {
    const parsed = ToWorkerSchema.safeParse(raw)
    if (!parsed.success) {
      const id = z.object({ id: z.number().int() }).safeParse(raw)
      if (id.success) this.post({ type: 'error', id: id.data.id, failure: 'bad-request', message: `The inference request was malformed: ${z.prettifyError(parsed.error)}` })
      return
    }
    const message = parsed.data
    if (message.type === 'shutdown') {
      void this.close()
      return
    }
    if (message.type === 'release-idle') {
      for (const slot of this.slots.values()) {
        clearTimeout(slot.idleTimer)
        this.unloadIfIdle(slot)
      }
      return
    }
    if (message.type === 'cancel') {
      const job = this.jobs.get(message.id)
      if (job) {
        job.cancelled = true
        job.criteria.interrupt()
      }
      return
    }
    this.enqueue(message)
  }

  /** Stops queued work and frees every loaded model. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.jobs.values()) {
      job.cancelled = true
      job.criteria.interrupt()
    }
    const slots = [...this.slots.values()]
    this.slots.clear()
    await Promise.all(
      slots.map(async (slot) => {
        clearTimeout(slot.idleTimer)
        await slot.tail
        await slot.loaded?.pipe.dispose()
        slot.loaded = undefined
      })
    )
  }

  private enqueue(message: ModelRequest): void {
    const job: Job = { cancelled: false, criteria: new InterruptableStoppingCriteria() }
    this.jobs.set(message.id, job)
    const slot = this.slotFor(message)
    slot.waiting++
    clearTimeout(slot.idleTimer)
    slot.tail = slot.tail.then(async () => {
      try {
        await this.run(slot, message, job)
      } catch (error) {
        const failure = message.type === 'embed' ? 'embedding-failed' : message.type === 'caption' ? 'caption-failed' : 'generation-failed'
        this.post({ type: 'error', id: message.id, failure, message: `The local model ${message.modelId} failed: ${errorMessage(error)}` })
      } finally {
        this.jobs.delete(message.id)
        slot.waiting--
        if (slot.waiting === 0) this.scheduleUnload(slot)
      }
    })
  }

  /** One queue per model and pipeline type (a folder could serve both, loaded twice). */
  private slotFor({ type, modelId }: ModelRequest): Slot {
    const key = `${type}:${modelId}`
    let slot = this.slots.get(key)
    if (!slot) {
      slot = { modelId, type, tail: Promise.resolve(), waiting: 0 }
      this.slots.set(key, slot)
    }
    return slot
  }

  private scheduleUnload(slot: Slot): void {
    if (!slot.loaded || this.closed) return
    clearTimeout(slot.idleTimer)
    slot.idleTimer = setTimeout(() => this.unloadIfIdle(slot), this.options.idleUnloadMs)
    // In-process engines must not keep a test runner alive; the worker lives on its port anyway.
    slot.idleTimer.unref()
  }

  /** Through the queue, so it never overlaps a request; skipped if one arrived meanwhile. */
  private unloadIfIdle(slot: Slot): void {
    slot.tail = slot.tail.then(async () => {
      if (slot.waiting > 0 || !slot.loaded) return
      const started = performance.now()
      const { pipe } = slot.loaded
      slot.loaded = undefined
      try {
        await pipe.dispose()
      } finally {
        this.post({ type: 'model', modelId: slot.modelId, state: 'unloaded', ms: performance.now() - started })
      }
    })
  }

  private async run(slot: Slot, message: ModelRequest, job: Job): Promise<void> {
    const { id, modelId } = message
    const cancelled = (): void => this.post({ type: 'error', id, failure: 'cancelled', message: 'The request was cancelled.' })
    // A cancel can arrive during any await below.
    const isCancelled = (): boolean => job.cancelled
    if (isCancelled()) return cancelled()
    let loadMs = 0
    if (!slot.loaded) {
      if (!isModelInstalled(this.options.modelsDir, modelId)) {
        this.post({ type: 'error', id, failure: 'missing-model', message: `The local model ${modelId} is not installed (no ${join(modelFolder(this.options.modelsDir, modelId), 'config.json')}).` })
        return
      }
      const started = performance.now()
      try {
        slot.loaded = await withLoadLock(() => this.load(slot.type, modelId))
      } catch (error) {
        this.post({ type: 'error', id, failure: 'load-failed', message: `The local model ${modelId} could not be loaded: ${errorMessage(error)}` })
        return
      }
      loadMs = performance.now() - started
      this.post({ type: 'model', modelId, state: 'loaded', ms: loadMs })
    }
    if (isCancelled()) return cancelled()
    const { loaded } = slot
    if (loaded.type === 'embed' && message.type === 'embed') await this.embed(loaded.pipe, message)
    else if (loaded.type === 'caption' && message.type === 'caption') await this.caption(loaded.pipe, message, job)
    else if (loaded.type === 'generate' && message.type === 'generate') await this.generate(loaded.pipe, message, job, loadMs)
  }

  private async load(type: Slot['type'], modelId: string): Promise<Loaded> {
    const { modelsDir } = this.options
    // Only the models folder, never the network; the cache stays inside it (the package folder is read-only in an asar).
    env.allowRemoteModels = false
    env.allowLocalModels = true
    env.localModelPath = modelsDir
    env.cacheDir = join(modelsDir, '.cache')
    const dtype = pickDtype(modelFolder(modelsDir, modelId))
    const options = { local_files_only: true, device: 'cpu', ...(dtype ? { dtype } : {}) } as const
    if (type === 'embed') return { type, pipe: await pipeline('feature-extraction', modelId, options) }
    if (type === 'caption') return { type, pipe: await pipeline('image-to-text', modelId, options) }
    return { type, pipe: await pipeline('text-generation', modelId, options) }
  }

  private async embed(extractor: FeatureExtractionPipeline, message: EmbedMessage): Promise<void> {
    const output = await extractor(message.texts, { pooling: 'mean', normalize: true })
    const dims = output.dims.at(-1) ?? 0
    // A copy: the tensor's buffer may be a view into memory onnxruntime reuses.
    const vectors = Float32Array.from(output.data as Float32Array)
    output.dispose()
    this.post({ type: 'embeddings', id: message.id, dims, vectors })
  }

  private async caption(captioner: ImageToTextPipeline, message: CaptionMessage, job: Job): Promise<void> {
    // In Node (and so in the worker) transformers.js decodes the bytes with sharp: PNG, JPEG, GIF, WebP.
    const image = await RawImage.fromBlob(new Blob([message.image]))
    const output = await captioner(image, { max_new_tokens: message.maxTokens, stopping_criteria: [job.criteria] })
    if (job.cancelled) {
      this.post({ type: 'error', id: message.id, failure: 'cancelled', message: 'The request was cancelled.' })
      return
    }
    this.post({ type: 'caption', id: message.id, text: output.map((item) => item.generated_text).join(' ').trim() })
  }

  private async generate(generator: TextGenerationPipeline, message: GenerateMessage, job: Job, loadMs: number): Promise<void> {
    const { id } = message
    const tokenizer = generator.tokenizer
    // A prefill that ends in whitespace would make the model write a word without its space
    // token; the whitespace is left out of the prompt and not written twice.
    const prefill = message.prefill ?? ''
    const prefillText = prefill.trimEnd()
    const started = performance.now()
    let firstTokenMs: number | undefined
    const streamer = new DeltaStreamer(
      tokenizer,
      (text) => {
        firstTokenMs ??= performance.now() - started
        this.post({ type: 'token', id, text })
      },
      prefillText.length > 0 && prefillText.length < prefill.length
    )
    const prompt = chatPrompt(tokenizer, message.messages) + prefillText
    const temperature = message.temperature ?? 0
    await generator(prompt, {
      add_special_tokens: false,
      return_full_text: false,
      max_new_tokens: message.maxTokens,
      ...(temperature > 0 ? { do_sample: true, temperature } : { do_sample: false }),
      streamer,
      stopping_criteria: [job.criteria]
    })
    if (job.cancelled) {
      this.post({ type: 'error', id, failure: 'cancelled', message: 'The request was cancelled.' })
      return
    }
    this.post({
      type: 'done',
      id,
      stats: { inputTokens: streamer.promptTokens, outputTokens: streamer.outputTokens, loadMs, firstTokenMs, generateMs: performance.now() - started }
    })
  }
}

/**
 * The prompt in the model's own chat format, ending with the opening of the assistant's turn.
 * Templates that refuse a system message get it folded into the first user message; a model
 * without a template gets a plain transcript.
 */
export function chatPrompt(tokenizer: PreTrainedTokenizer, messages: readonly ChatMessage[]): string {
  const apply = (conversation: Message[]): string => tokenizer.apply_chat_template(conversation, { tokenize: false, add_generation_prompt: true })
  try {
    return apply([...messages])
  } catch (firstError) {
    const system = messages.filter((m) => m.role === 'system').map((m) => m.content)
    const rest = messages.filter((m) => m.role !== 'system')
    if (system.length > 0 && rest[0]?.role === 'user') {
      try {
        return apply([{ role: 'user', content: `${system.join('\n\n')}\n\n${rest[0].content}` }, ...rest.slice(1)])
      } catch {
        // fall through to the transcript
      }
    }
    if (tokenizer.chat_template) throw firstError
    return `${messages.map((m) => `${m.role === 'user' ? 'User' : m.role === 'assistant' ? 'Assistant' : 'System'}: ${m.content}`).join('\n\n')}\n\nAssistant:`
  }
}

/**
 * Streams decoded text as tokens arrive, one delta per token. Each delta is the decoding of the
 * new tokens after the token before them (so tokenizers that drop a leading space on the first
 * token still give "Hello" + " world"); a token that ends inside a UTF-8 character waits for the
 * next one.
 */
class DeltaStreamer extends TextStreamer {
  promptTokens = 0
  outputTokens = 0
  private sawPrompt = false
  private anchor: bigint[] = []
  private anchorText = ''
  private pending: bigint[] = []

  // TextStreamer only for its type (generate() asks for one); put and end are all replaced.
  constructor(
    tokenizer: PreTrainedTokenizer,
    private readonly onText: (text: string) => void,
    private dropLeadingWhitespace: boolean
  ) {
    super(tokenizer, { skip_prompt: true })
  }

  override put(value: bigint[][]): void {
    const tokens = value[0] ?? []
    if (!this.sawPrompt) {
      this.sawPrompt = true
      this.promptTokens = tokens.length
      this.setAnchor(tokens.slice(-1))
      return
    }
    this.outputTokens += tokens.length
    this.pending.push(...tokens)
    this.flush(false)
  }

  override end(): void {
    this.flush(true)
  }

  private decode(tokens: bigint[]): string {
    return tokens.length === 0 ? '' : this.tokenizer.decode(tokens, { skip_special_tokens: true, clean_up_tokenization_spaces: false })
  }

  private setAnchor(tokens: bigint[]): void {
    this.anchor = tokens
    this.anchorText = this.decode(tokens)
  }

  private flush(final: boolean): void {
    if (this.pending.length === 0) return
    const joined = this.decode([...this.anchor, ...this.pending])
    let text = joined.startsWith(this.anchorText) ? joined.slice(this.anchorText.length) : this.decode(this.pending)
    if (!final && text.endsWith('\uFFFD') && this.pending.length < 8) return
    if (this.dropLeadingWhitespace) {
      text = text.trimStart()
      if (text) this.dropLeadingWhitespace = false
    }
    if (text) this.onText(text)
    this.setAnchor(this.pending.slice(-1))
    this.pending = []
  }
}
