import type { Page } from '@playwright/test'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import type { CoreClient } from '../../src/shared/contracts'
import { waitInPage } from './appPage'

// Typing at a human pace into the editor while the local model generates, timed in the page by
// pageProbes.js (__benchWatchTyping). Generation is driven from Node over the RPC WebSocket, one
// long answer after another, so the model never rests while the keys are typed.

const KeysSchema = z.object({ keys: z.array(z.object({ down: z.number(), painted: z.number().nullable(), saved: z.number().nullable() })) })

export interface TypingOptions {
  keys: number
  /** Each key comes this long after the one before, drawn evenly from the range. */
  intervalMs: [number, number]
  /** The assistant request that keeps the model busy (a long answer). */
  text: string
}

export interface TypingLatency {
  /** keydown → the frame after the save status shows the core's acknowledgement of that key. */
  savedMs: number[]
  /** keydown → the next frame (the renderer's own paint of the key). */
  paintedMs: number[]
  /** Tokens the model produced while the keys were typed, and the longest pause between two. */
  tokensWhileTyping: number
  longestTokenGapMs: number
}

/** Answers back to back until the signal aborts; calls `onToken` with the time of each token. */
async function generateContinuously(client: CoreClient, text: string, signal: AbortSignal, onToken: (at: number) => void): Promise<void> {
  for (;;) {
    try {
      const events = await client.ai.assist({ request: { action: 'continue', text }, localOnly: true }, { signal })
      for await (const event of events) if (event.type === 'token') onToken(performance.now())
    } catch (error) {
      if (signal.aborted) return
      throw error
    }
    if (signal.aborted) return
  }
}

const TYPED = 'the quick brown fox jumps over the lazy dog while the harbour council argues about the sea wall '

/** Types into the open draft (its editor focused) while the model generates; the model must be loaded. */
export async function timeTyping(page: Page, client: CoreClient, options: TypingOptions): Promise<TypingLatency> {
  const stop = new AbortController()
  const tokenTimes: number[] = []
  let firstToken: () => void = () => undefined
  const generating = new Promise<void>((resolve) => (firstToken = resolve))
  const generation = generateContinuously(client, options.text, stop.signal, (at) => {
    tokenTimes.push(at)
    firstToken()
  })
  let typedFrom = 0
  let typedTo = 0
  try {
    await Promise.race([generating, generation.then(() => Promise.reject(new Error('Generation ended before its first token.')))])
    await page.evaluate('window.__benchWatchTyping()')
    typedFrom = performance.now()
    let due = typedFrom
    for (let i = 0; i < options.keys; i++) {
      await page.keyboard.type(TYPED.charAt(i % TYPED.length))
      const [low, high] = options.intervalMs
      due += low + Math.random() * (high - low)
      await sleep(Math.max(0, due - performance.now()))
    }
    typedTo = performance.now()
    await waitInPage(page, `window.__bench.keys.length === ${options.keys} && window.__bench.keys.every((key) => key.saved !== null && key.painted !== null)`)
  } finally {
    stop.abort()
    await generation
  }

  const { keys } = KeysSchema.parse(await page.evaluate('window.__bench'))
  const during = tokenTimes.filter((at) => at >= typedFrom && at <= typedTo)
  const marks = [typedFrom, ...during, typedTo]
  const gaps = marks.slice(1).map((at, i) => at - (marks[i] ?? at))
  return {
    savedMs: keys.map((key) => (key.saved ?? NaN) - key.down),
    paintedMs: keys.map((key) => (key.painted ?? NaN) - key.down),
    tokensWhileTyping: during.length,
    longestTokenGapMs: Math.max(...gaps)
  }
}
