import type { SpellReply, SpellRequest } from './spellMessages'

type Pending = (reply: SpellReply) => void

/** The spellcheck worker behind a small async API, with a per-word cache. */
export class SpellClient {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private readonly known = new Map<string, boolean>()
  private readonly ignored = new Set<string>()
  private nextId = 1

  /** Whether a word is known to be misspelled (undefined while it has not been checked). */
  isMisspelled(word: string): boolean | undefined {
    if (this.ignored.has(word)) return false
    const correct = this.known.get(word)
    return correct === undefined ? undefined : !correct
  }

  /** Checks the words not seen before; resolves true when any answer is new. */
  async check(words: Iterable<string>): Promise<boolean> {
    const unknown = [...new Set(words)].filter((w) => !this.known.has(w))
    if (unknown.length === 0) return false
    const reply = await this.request({ type: 'check', id: this.nextId++, words: unknown })
    const misspelled = new Set('misspelled' in reply ? reply.misspelled : [])
    for (const word of unknown) this.known.set(word, !misspelled.has(word))
    return true
  }

  async suggest(word: string): Promise<string[]> {
    const reply = await this.request({ type: 'suggest', id: this.nextId++, word })
    return 'suggestions' in reply ? reply.suggestions : []
  }

  /** Stops marking a word for the rest of the session. */
  ignore(word: string): void {
    this.ignored.add(word)
  }

  /** Stops the worker; it starts again (and rebuilds the dictionary) if asked anything later. */
  destroy(): void {
    this.worker?.terminate()
    this.worker = null
    this.pending.clear()
  }

  private request(message: SpellRequest): Promise<SpellReply> {
    return new Promise((resolve) => {
      this.pending.set(message.id, resolve)
      this.started().postMessage(message)
    })
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./spellWorker.ts', import.meta.url), { type: 'module' })
    worker.addEventListener('message', (event: MessageEvent<SpellReply>) => {
      this.pending.get(event.data.id)?.(event.data)
      this.pending.delete(event.data.id)
    })
    this.worker = worker
    return worker
  }
}
