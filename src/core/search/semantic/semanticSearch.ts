import { EventPublisher } from '@orpc/server'
import type { Database } from 'better-sqlite3'
import type { SemanticStatus } from '../../../shared/contracts/search'
import type { Logger } from '../../logger'
import { BackgroundEmbedder } from './backgroundEmbedder'
import type { EmbeddingModel } from './embeddingModel'
import { EmbeddingStore } from './embeddingStore'
import { nearestDrafts, type NearestDraft } from './nearestDrafts'

/**
 * Cosine similarity a draft needs to count as a match by meaning. Sentence-embedding models put
 * unrelated texts around 0-0.2 and texts on one subject above 0.3.
 */
export const MIN_SEARCH_SCORE = 0.3
export const MIN_RELATED_SCORE = 0.3
/** Shorter queries (a word being typed) have no meaning to search by. */
const MIN_QUERY_CHARS = 3

export interface SemanticSearchOptions {
  db: Database
  model: EmbeddingModel
  /** Resolves once the full-text index has caught up with stored documents. */
  waitForIndex: () => Promise<void>
  log: Logger
  /** Quiet time after a change before drafts are embedded again. */
  delayMs?: number
}

/** Semantic search on one workspace database: its vectors, kept up to date in the background, and the queries on them. */
export class SemanticSearch {
  readonly statusEvents = new EventPublisher<{ changed: SemanticStatus }>()
  readonly store: EmbeddingStore
  private readonly embedder: BackgroundEmbedder
  private readonly model: EmbeddingModel
  private readonly unsubscribe: () => void

  constructor(options: SemanticSearchOptions) {
    this.model = options.model
    this.store = new EmbeddingStore(options.db)
    this.embedder = new BackgroundEmbedder({ store: this.store, model: options.model, waitForIndex: options.waitForIndex, log: options.log, delayMs: options.delayMs ?? 1500 })
    this.embedder.onProgress = () => this.statusEvents.publish('changed', this.status())
    this.unsubscribe = options.model.onChanged(() => {
      this.statusEvents.publish('changed', this.status())
      this.embedder.noteChanged()
    })
    // Catch up with drafts that changed while the app was closed, or came with an imported workspace.
    this.embedder.noteChanged()
  }

  /** A document was stored: its chunks (and, for the workspace index, titles) may be out of date. */
  noteChanged(): void {
    this.embedder.noteChanged()
  }

  status(): SemanticStatus {
    const state = this.model.state()
    if (!state.usable) return { state: 'unavailable', message: state.message }
    const progress = this.embedder.progress
    return progress ? { state: 'indexing', modelId: state.modelId, ...progress } : { state: 'ready', modelId: state.modelId }
  }

  /** Drafts whose text is closest in meaning to the query; none when the model is not usable. */
  async search(text: string, limit: number, signal: AbortSignal): Promise<NearestDraft[]> {
    const state = this.model.state()
    if (!state.usable || text.trim().length < MIN_QUERY_CHARS) return []
    let query: Float32Array[]
    try {
      query = await this.model.embed(state.modelId, [text], signal)
    } catch {
      // The model's state now says why (or the request was cancelled): full-text results stand alone.
      return []
    }
    return nearestDrafts(this.store.allChunks(state.modelId), query, { limit, minScore: MIN_SEARCH_SCORE })
  }

  /** Other drafts (that `accept` lets through) nearest to any of this draft's chunks, which are stored: no model run. */
  related(docId: string, limit: number, accept: (docId: string) => boolean): NearestDraft[] {
    const state = this.model.state()
    if (!state.usable) return []
    const own = this.store.chunksOf(docId, state.modelId).map((chunk) => chunk.vector)
    if (own.length === 0) return []
    return nearestDrafts(this.store.allChunks(state.modelId), own, { limit, minScore: MIN_RELATED_SCORE, accept: (id) => id !== docId && accept(id) })
  }

  /** Embeds whatever is out of date now and resolves when done (tests, tools). */
  idle(): Promise<void> {
    return this.embedder.idle()
  }

  async close(): Promise<void> {
    this.unsubscribe()
    await this.embedder.close()
  }
}
