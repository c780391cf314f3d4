import { isProviderError } from '../../ai/provider'
import type { InferenceHost } from '../../models/inference/inferenceHost'
import { installedEmbeddingModel } from '../../models/installedModels'

export const NOT_INSTALLED_MESSAGE = 'Not available: install the semantic search model in Settings → Local models.'

/** Which embeddings model semantic search can use now, or why none. */
export type EmbeddingModelState = { usable: true; modelId: string } | { usable: false; message: string }

/**
 * The installed embeddings model, shared by every workspace the core opens. It is looked up
 * when the core starts and again after modelsChanged() (an install or removal); a model that
 * fails to load is not tried again until then, so a broken download is not reloaded on every
 * keystroke. Embedding runs in the inference worker, never on the core's thread.
 */
export class EmbeddingModel {
  private modelId: string | undefined
  private failure: string | undefined
  private readonly listeners = new Set<() => void>()

  constructor(private readonly host: Pick<InferenceHost, 'embed' | 'modelsDir' | 'cannotRun'>) {
    this.modelId = installedEmbeddingModel(host.modelsDir)
  }

  state(): EmbeddingModelState {
    if (this.host.cannotRun !== undefined) return { usable: false, message: `Not available: ${this.host.cannotRun}, so local models cannot run on this computer.` }
    if (this.modelId === undefined) return { usable: false, message: NOT_INSTALLED_MESSAGE }
    if (this.failure !== undefined) return { usable: false, message: `Not available: the embeddings model ${this.modelId} could not be used (${this.failure}).` }
    return { usable: true, modelId: this.modelId }
  }

  /** Looks for the model again (call after a model is installed or removed) and tells every listener. */
  modelsChanged(): void {
    this.modelId = installedEmbeddingModel(this.host.modelsDir)
    this.failure = undefined
    for (const listener of this.listeners) listener()
  }

  /** Called after modelsChanged() and after the model fails. Returns the unsubscribe. */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** One normalized vector per text. Throws when the model is not usable or the request fails. */
  async embed(modelId: string, texts: string[], signal: AbortSignal): Promise<Float32Array[]> {
    try {
      return await this.host.embed({ modelId, texts }, signal)
    } catch (error) {
      if (modelId === this.modelId && this.failure === undefined) this.noteFailure(error)
      throw error
    }
  }

  /**
   * A cancel or a crashed worker (which restarts) says nothing about the model; a model that
   * went missing is looked for again; anything else makes it unusable until modelsChanged().
   */
  private noteFailure(error: unknown): void {
    const kind = isProviderError(error) ? error.kind : undefined
    if (kind === 'aborted' || kind === 'network') return
    if (kind === 'unsupported') {
      this.modelsChanged()
      return
    }
    this.failure = error instanceof Error ? error.message : String(error)
    for (const listener of this.listeners) listener()
  }
}
