import { ProviderError } from '../../ai/provider'
import type { GenerationStats, WorkerFailure } from './protocol'

// What the inference host keeps per request in flight (an answer streaming, vectors, a caption),
// and the errors the user reads when the worker cannot answer.

export function abortedError(): ProviderError {
  return new ProviderError('aborted', 'The request was cancelled.')
}

/** What every request gets on a computer where local models cannot run; nothing was sent to a model. */
export function cannotRunError(reason: string): ProviderError {
  return new ProviderError('unsupported', `Local models cannot run on this computer: ${reason}.`, { unsent: true })
}

/** What the user reads when the worker could not answer. */
export function failureError(failure: WorkerFailure, modelId: string, detail: string): ProviderError {
  switch (failure) {
    case 'missing-model':
      return new ProviderError('unsupported', `The local model ${modelId} is not installed. Install it from the model manager or the outage kit.`)
    case 'load-failed':
      return new ProviderError('server', `${detail} Reinstall it from the model manager or the outage kit.`)
    case 'generation-failed':
    case 'embedding-failed':
    case 'caption-failed':
      return new ProviderError('server', detail)
    case 'bad-request':
      return new ProviderError('rejected', detail)
    case 'cancelled':
      return abortedError()
  }
}

/** One embed request's vectors, split out of the worker's flat array. */
export class Embedding {
  finished = false
  readonly result: Promise<Float32Array[]>
  private settle!: { resolve: (vectors: Float32Array[]) => void; reject: (error: ProviderError) => void }

  constructor(
    readonly modelId: string,
    private readonly count: number
  ) {
    this.result = new Promise((resolve, reject) => {
      this.settle = { resolve, reject }
    })
  }

  resolve(dims: number, flat: Float32Array): void {
    if (this.finished) return
    if (flat.length !== dims * this.count) {
      this.fail(new ProviderError('server', `The local model ${this.modelId} returned ${flat.length / dims} vectors for ${this.count} texts.`))
      return
    }
    this.finished = true
    this.settle.resolve(Array.from({ length: this.count }, (_, i) => flat.slice(i * dims, (i + 1) * dims)))
  }

  fail(error: ProviderError): void {
    if (this.finished) return
    this.finished = true
    this.settle.reject(error)
  }
}

/** One caption request's text. */
export class Caption {
  finished = false
  readonly result: Promise<string>
  private settle!: { resolve: (text: string) => void; reject: (error: ProviderError) => void }

  constructor(readonly modelId: string) {
    this.result = new Promise((resolve, reject) => {
      this.settle = { resolve, reject }
    })
  }

  resolve(text: string): void {
    if (this.finished) return
    this.finished = true
    this.settle.resolve(text)
  }

  fail(error: ProviderError): void {
    if (this.finished) return
    this.finished = true
    this.settle.reject(error)
  }
}

/** One answer's deltas, read by one consumer; deltas that arrive while it is busy are joined. */
export class Answer {
  stats: GenerationStats | undefined
  finished = false
  private texts: string[] = []
  private error: ProviderError | undefined
  private wake: (() => void) | undefined

  constructor(readonly modelId: string) {}

  push(text: string): void {
    if (this.finished) return
    this.texts.push(text)
    this.notify()
  }

  end(stats: GenerationStats): void {
    if (this.finished) return
    this.finished = true
    this.stats = stats
    this.notify()
  }

  fail(error: ProviderError): void {
    if (this.finished) return
    this.finished = true
    this.error = error
    this.notify()
  }

  /** The next text, or undefined at the end; throws the failure after the text that came before it (an abort at once). */
  async next(): Promise<string | undefined> {
    for (;;) {
      if (this.error?.kind === 'aborted') throw this.error
      if (this.texts.length > 0) {
        const text = this.texts.join('')
        this.texts = []
        return text
      }
      if (this.error) throw this.error
      if (this.finished) return undefined
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
    }
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}
