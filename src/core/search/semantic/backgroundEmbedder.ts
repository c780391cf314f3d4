import { setImmediate as nextTurn } from 'node:timers/promises'
import { isProviderError } from '../../ai/provider'
import type { Logger } from '../../logger'
import { chunkDraft, chunkHash, type Chunk } from './chunkDraft'
import type { EmbeddingModel } from './embeddingModel'
import type { DraftText, EmbeddingStore } from './embeddingStore'

/** Texts per embed request: small, so a search waits for at most one batch in the model's queue. */
const BATCH_SIZE = 8
/** Drafts' texts read and compared per turn of the event loop. */
const PAGE_SIZE = 100
/** Someone typing without a pause still gets their draft re-embedded this often. */
const MAX_WAIT_MS = 30_000

export interface EmbedderOptions {
  store: EmbeddingStore
  model: EmbeddingModel
  /** Resolves once the full-text index (where drafts' text is read from) has caught up. */
  waitForIndex: () => Promise<void>
  log: Logger
  /** Quiet time after the last change before a sweep (typing goes on meanwhile). */
  delayMs: number
}

export interface EmbedProgress {
  done: number
  total: number
}

/** What a draft's stored chunks were made from: its title and text. */
export function textHash(text: DraftText): string {
  return chunkHash(`${text.title}\u0000${text.body}`)
}

/**
 * Keeps every draft's chunk vectors up to date, in the background: a change (from the editor or
 * a peer) schedules a sweep, which compares each draft's text with what its chunks were made
 * from and embeds only the chunks whose text is new. One batch at a time, each in the inference
 * worker, so the core's RPC loop never waits for it. Removed drafts lose their vectors with
 * their document (ON DELETE CASCADE).
 */
export class BackgroundEmbedder {
  private timer: NodeJS.Timeout | undefined
  /** When the oldest change not yet swept was noted. */
  private pendingSince: number | undefined
  private running: Promise<void> | undefined
  /** Changes noted while a sweep ran: one more sweep follows. */
  private changesDuringSweep = 0
  private readonly abort = new AbortController()
  private current: EmbedProgress | undefined

  /** Called when progress changes (a sweep starts, a draft is done, the sweep ends). */
  onProgress: () => void = () => undefined

  constructor(private readonly options: EmbedderOptions) {}

  /** Drafts embedded and to embed in the sweep under way, if any. */
  get progress(): EmbedProgress | undefined {
    return this.current
  }

  /** Something changed: sweep once things are quiet, or after MAX_WAIT_MS of changes. */
  noteChanged(): void {
    if (this.abort.signal.aborted) return
    const now = Date.now()
    this.pendingSince ??= now
    clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.options.delayMs, this.pendingSince + MAX_WAIT_MS - now))
    this.timer = setTimeout(() => this.start(), wait)
    this.timer.unref()
  }

  /** Sweeps now and resolves when nothing is left to embed (tests, and waiting for a fresh index). */
  async idle(): Promise<void> {
    clearTimeout(this.timer)
    this.start()
    while (this.running) await this.running
  }

  async close(): Promise<void> {
    clearTimeout(this.timer)
    this.abort.abort()
    await this.running
  }

  private start(): void {
    this.pendingSince = undefined
    if (this.abort.signal.aborted) return
    if (this.running) {
      this.changesDuringSweep++
      return
    }
    this.running = this.sweepUntilQuiet()
      .catch((error: unknown) => this.options.log.error('Embedding drafts for semantic search failed.', error))
      .finally(() => {
        this.running = undefined
      })
  }

  private async sweepUntilQuiet(): Promise<void> {
    let seen: number
    do {
      seen = this.changesDuringSweep
      await this.sweep()
    } while (seen !== this.changesDuringSweep && !this.abort.signal.aborted)
  }

  private async sweep(): Promise<void> {
    const state = this.options.model.state()
    if (!state.usable) return
    await this.options.waitForIndex()
    const stale = await this.staleDrafts(state.modelId)
    if (stale.length === 0) return
    this.setProgress({ done: 0, total: stale.length })
    try {
      for (const docId of stale) {
        if (!(await this.embedDraft(docId, state.modelId))) return
        this.setProgress({ done: (this.current?.done ?? 0) + 1, total: stale.length })
      }
    } finally {
      this.setProgress(undefined)
    }
  }

  /**
   * Drafts whose chunks were made from other text or by another model. Every sweep hashes every
   * draft's text (a thousand long drafts: a few MB, some milliseconds), a page per turn of the
   * event loop, so nothing needs to remember which drafts changed while no model was installed.
   */
  private async staleDrafts(modelId: string): Promise<string[]> {
    const { store } = this.options
    const states = store.states()
    const stale: string[] = []
    for (let after = 0; ; ) {
      const page = store.textPage(after, PAGE_SIZE)
      for (const row of page) {
        const state = states.get(row.docId)
        if (state?.modelId !== modelId || state.textHash !== textHash(row)) stale.push(row.docId)
      }
      const last = page.at(-1)
      if (!last || page.length < PAGE_SIZE) return stale
      after = last.rowid
      await nextTurn()
    }
  }

  /** Embeds what is new in one draft and stores its chunks. False when the sweep must stop. */
  private async embedDraft(docId: string, modelId: string): Promise<boolean> {
    const { store, model } = this.options
    const text = store.text(docId)
    if (!text) return true
    const chunks = chunkDraft(text.title, text.body)
    const vectors = new Map(store.chunksOf(docId, modelId).map((chunk) => [chunk.hash, chunk.vector]))
    const missing = [...new Map(chunks.filter((chunk) => !vectors.has(chunk.hash)).map((chunk) => [chunk.hash, chunk])).values()]
    try {
      for (let i = 0; i < missing.length; i += BATCH_SIZE) {
        const batch: Chunk[] = missing.slice(i, i + BATCH_SIZE)
        const embedded = await model.embed(modelId, batch.map((chunk) => chunk.text), this.abort.signal)
        batch.forEach((chunk, j) => {
          const vector = embedded[j]
          if (vector) vectors.set(chunk.hash, vector)
        })
      }
    } catch (error) {
      // The model's state says why it is unusable; the next change or install tries again. A
      // cancel, or the engine stopping (the host reports a crash itself), is no news.
      const quiet = isProviderError(error) && (error.kind === 'aborted' || error.kind === 'network')
      if (!quiet) this.options.log.warn(`Semantic search stopped embedding drafts: ${error instanceof Error ? error.message : String(error)}`)
      return false
    }
    // Every chunk has its vector now: stored, or just embedded.
    const embeddedChunks = chunks.flatMap((chunk) => {
      const vector = vectors.get(chunk.hash)
      return vector ? [{ ...chunk, vector }] : []
    })
    store.save(docId, modelId, textHash(text), embeddedChunks, Date.now())
    return true
  }

  private setProgress(progress: EmbedProgress | undefined): void {
    this.current = progress
    this.onProgress()
  }
}
