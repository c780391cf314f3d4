import { vi } from 'vitest'
import type { ProviderFailureKind } from '../../../src/shared/ai/failures'
import { ProviderError, type CompletionRequest, type Provider, type ProviderKind, type StreamOptions } from '../../../src/core/ai/provider'
import type { RouterEvent } from '../../../src/core/ai/router/events'

/** What one call to a scripted provider does: stream some deltas, then finish, fail or hang. */
export interface Script {
  deltas: readonly string[]
  /** Before the first delta (or before failing when there are none). */
  firstTokenMs?: number
  /** Between deltas. */
  tokenDelayMs?: number
  /** After the deltas, throw this instead of finishing... */
  fail?: { kind: ProviderFailureKind; message?: string; status?: number; retryAfterMs?: number; afterMs?: number }
  /** ...or wait until the request is aborted. */
  hang?: boolean
  /** Reported through onUsage after a complete answer, as the real providers do. */
  usage?: { inputTokens: number; outputTokens: number }
}

export interface ScriptedCall {
  request: CompletionRequest
  signal: AbortSignal
}

/**
 * An in-memory provider that follows scripts: `script` for every call, or `scripts[n]` for the
 * n-th call (the last one repeats). Honours the abort signal at every wait, as real providers must.
 */
export class ScriptedProvider implements Provider {
  readonly kind: ProviderKind
  readonly model: string
  readonly calls: ScriptedCall[] = []

  constructor(
    readonly id: string,
    public script: Script | readonly Script[],
    options: { kind?: ProviderKind; model?: string } = {}
  ) {
    this.kind = options.kind ?? 'openai-compatible'
    this.model = options.model ?? `${id}-model`
  }

  get callCount(): number {
    return this.calls.length
  }

  /** The signal the router gave the latest call. */
  get lastSignal(): AbortSignal {
    const last = this.calls.at(-1)
    if (!last) throw new Error(`${this.id} was never called`)
    return last.signal
  }

  async *stream(request: CompletionRequest, options: StreamOptions): AsyncGenerator<string, void, undefined> {
    const script = this.scriptFor(this.calls.length)
    this.calls.push({ request, signal: options.signal })
    const { signal } = options
    for (const [index, delta] of script.deltas.entries()) {
      await wait((index === 0 ? script.firstTokenMs : script.tokenDelayMs) ?? 0, signal)
      yield delta
    }
    if (script.deltas.length === 0) await wait(script.firstTokenMs ?? 0, signal)
    if (script.hang) await wait(Number.POSITIVE_INFINITY, signal)
    if (script.fail) {
      const { kind, message, status, retryAfterMs, afterMs } = script.fail
      await wait(afterMs ?? 0, signal)
      throw new ProviderError(kind, message ?? `${this.id} failed with ${kind}.`, { status, retryAfterMs })
    }
    if (script.usage) options.onUsage?.(script.usage)
  }

  private scriptFor(call: number): Script {
    if (!isScriptList(this.script)) return this.script
    const script = this.script[Math.min(call, this.script.length - 1)]
    if (!script) throw new Error(`${this.id} has no script`)
    return script
  }
}

function isScriptList(script: Script | readonly Script[]): script is readonly Script[] {
  return Array.isArray(script)
}

/** A complete answer streamed as one delta per word (each with the spaces before it). */
export function answer(text: string, timing: { firstTokenMs?: number; tokenDelayMs?: number } = {}): Script {
  return { deltas: words(text), ...timing }
}

/** Streams `text` word by word, then fails. */
export function failingAfter(text: string, kind: ProviderFailureKind, timing: { firstTokenMs?: number; tokenDelayMs?: number } = {}): Script {
  return { deltas: words(text), fail: { kind }, ...timing }
}

/** Fails after `afterMs` without any text. */
export function failing(kind: ProviderFailureKind, options: { afterMs?: number; message?: string; retryAfterMs?: number } = {}): Script {
  return { deltas: [], fail: { kind, ...options } }
}

/** Never answers until aborted. */
export const hanging: Script = { deltas: [], hang: true }

/** Splits text into deltas that join back into exactly the same text. */
export function words(text: string): string[] {
  return text.match(/\s*\S+(?:\s+$)?/g) ?? []
}

/** Resolves after `ms` (none at all for 0, so a fast provider costs no timers); rejects as 'aborted' when the signal aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(aborted())
  if (ms === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(aborted())
    }
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        }, ms)
      : undefined
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function aborted(): ProviderError {
  return new ProviderError('aborted', 'The request was aborted.')
}

export interface RunResult {
  events: RouterEvent[]
  error?: unknown
}

/** Drains a run, keeping its events and the error it ended with. */
export async function collect(run: AsyncIterable<RouterEvent>): Promise<RunResult> {
  const events: RouterEvent[] = []
  try {
    for await (const event of run) events.push(event)
    return { events }
  } catch (error) {
    return { events, error }
  }
}

/** With fake timers: drains a run, jumping from timer to timer until it ends. */
export async function collectWithFakeTimers(run: AsyncIterable<RouterEvent>): Promise<RunResult> {
  const progress = { settled: false }
  const result = collect(run).finally(() => {
    progress.settled = true
  })
  for (let jumps = 0; ; jumps++) {
    // Let the run finish what it can before moving time, so no later timer fires needlessly.
    await vi.advanceTimersByTimeAsync(0)
    if (progress.settled) break
    if (jumps > 1000) throw new Error('The run did not end')
    await vi.advanceTimersToNextTimerAsync()
  }
  return result
}

/** The answer as the UI shows it: the token texts since the last restart. */
export function answerText(events: readonly RouterEvent[]): string {
  let text = ''
  for (const event of events) {
    if (event.type === 'token') text += event.text
    else if (event.type === 'switch' && event.mode === 'restart') text = ''
  }
  return text
}

/** The events without the tokens, for asserting the route a run took. */
export function route(events: readonly RouterEvent[]): RouterEvent[] {
  return events.filter((event) => event.type !== 'token')
}
