import { z } from 'zod'
import { relativePathSchema } from '../../../shared/models/catalog'
import { IMAGE_MAX_BYTES } from '../../../shared/blobs/images'

// The messages between the inference host (in the core) and the inference worker thread. Both
// ends parse what they receive against these schemas.

const ChatMessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })

/** A model id is a folder path under the models folder ("org/name"), never absolute, never "..". */
export const ModelIdSchema = relativePathSchema(200)

export const GenerateMessageSchema = z.object({
  type: z.literal('generate'),
  id: z.number().int(),
  modelId: ModelIdSchema,
  messages: z.array(ChatMessageSchema).min(1),
  /** Text the assistant's turn already starts with; generation goes on from its end. */
  prefill: z.string().optional(),
  maxTokens: z.number().int().positive(),
  /** Absent or 0: greedy decoding. */
  temperature: z.number().min(0).max(2).optional()
})
export type GenerateMessage = z.infer<typeof GenerateMessageSchema>

/** Texts to embed: one mean-pooled, normalized vector each, from a feature-extraction model. */
export const EmbedMessageSchema = z.object({
  type: z.literal('embed'),
  id: z.number().int(),
  modelId: ModelIdSchema,
  texts: z.array(z.string().max(20_000)).min(1).max(64)
})
export type EmbedMessage = z.infer<typeof EmbedMessageSchema>

/** An encoded image (PNG, JPEG, GIF or WebP, as stored in a draft) to describe in one sentence, with an image-to-text model. */
export const CaptionMessageSchema = z.object({
  type: z.literal('caption'),
  id: z.number().int(),
  modelId: ModelIdSchema,
  image: z.instanceof(Uint8Array).refine((bytes) => bytes.length > 0 && bytes.length <= IMAGE_MAX_BYTES, `an image of 1 to ${IMAGE_MAX_BYTES} bytes`),
  maxTokens: z.number().int().positive().max(200)
})
export type CaptionMessage = z.infer<typeof CaptionMessageSchema>

/** A request that goes through a model's queue. */
export type ModelRequest = GenerateMessage | EmbedMessage | CaptionMessage

export const ToWorkerSchema = z.discriminatedUnion('type', [
  GenerateMessageSchema,
  EmbedMessageSchema,
  CaptionMessageSchema,
  /** Stop that request: dropped from its queue, or interrupted at the next generation step. */
  z.object({ type: z.literal('cancel'), id: z.number().int() }),
  /** Memory is short: unload every model with no request queued or running. */
  z.object({ type: z.literal('release-idle') }),
  /** Interrupt everything, release the models, and end the thread. */
  z.object({ type: z.literal('shutdown') })
])
export type ToWorker = z.infer<typeof ToWorkerSchema>

/**
 * Why a request failed in the worker:
 * - 'missing-model': no such folder (or no config.json) under the models folder;
 * - 'load-failed': the files are there but transformers.js could not load them;
 * - 'generation-failed': the model loaded but generation threw;
 * - 'embedding-failed': the model loaded but embedding threw;
 * - 'caption-failed': the model loaded but reading the image or captioning it threw;
 * - 'bad-request': the message did not parse (a bug on the host's side);
 * - 'cancelled': the host cancelled it (the host has usually given up on it already).
 */
export const WorkerFailureSchema = z.enum(['missing-model', 'load-failed', 'generation-failed', 'embedding-failed', 'caption-failed', 'bad-request', 'cancelled'])
export type WorkerFailure = z.infer<typeof WorkerFailureSchema>

export const GenerationStatsSchema = z.object({
  /** Prompt tokens, including the prefill. */
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  /** Time spent loading the model for this request (0 when it was already loaded). */
  loadMs: z.number().min(0),
  /** From the start of generation (after the queue and the load) to the first text. */
  firstTokenMs: z.number().min(0).optional(),
  generateMs: z.number().min(0)
})
export type GenerationStats = z.infer<typeof GenerationStatsSchema>

export const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('token'), id: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('done'), id: z.number().int(), stats: GenerationStatsSchema }),
  /** The answer to 'embed': `vectors` holds one vector of `dims` numbers per text, one after another. */
  z.object({ type: z.literal('embeddings'), id: z.number().int(), dims: z.number().int().positive(), vectors: z.instanceof(Float32Array) }),
  /** The answer to 'caption'. */
  z.object({ type: z.literal('caption'), id: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('error'), id: z.number().int(), failure: WorkerFailureSchema, message: z.string() }),
  /** Not tied to a request: a model was loaded or unloaded (after its idle period, or when memory ran short). */
  z.object({ type: z.literal('model'), modelId: z.string(), state: z.enum(['loaded', 'unloaded']), ms: z.number().min(0) })
])
export type FromWorker = z.infer<typeof FromWorkerSchema>

export const WorkerDataSchema = z.object({
  modelsDir: z.string().min(1),
  idleUnloadMs: z.number().int().positive()
})
export type WorkerData = z.infer<typeof WorkerDataSchema>
