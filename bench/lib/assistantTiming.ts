import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { waitInPage } from './appPage'

// The local model's answers as the renderer receives them: clock readings of the inference worker
// (timedInferenceWorker.js) matched with the page's own (pageProbes.js), token by token.

const WorkerLogSchema = z.object({ requestAt: z.number(), tokenAts: z.array(z.number()), skewMs: z.number(), end: z.string() })
const FramesSchema = z.object({
  skewMs: z.number(),
  sent: z.array(z.object({ at: z.number(), data: z.string() })),
  received: z.array(z.object({ at: z.number(), data: z.string() }))
})
/** An oRPC frame over the WebSocket: `i` is the call, `p.u` the procedure of a request, `p.d.json` an event. */
const FrameSchema = z.object({ i: z.string(), p: z.object({ u: z.string().optional(), e: z.string().optional(), d: z.object({ json: z.object({ type: z.string() }).loose() }).optional() }).loose() })

export interface AssistantTiming {
  /** Per token: received by the page − posted by the worker. */
  perTokenMs: number[]
  /** Per answer: (request sent → first token received, in the page) − (request received → first token posted, in the worker). */
  firstTokenOverheadMs: number[]
  /** Per answer: the worker's own time from the request to its first token. */
  workerFirstTokenMs: number[]
}

interface PageAnswer {
  sentAt: number
  tokenAts: number[]
}

/** The assistant answers as the page saw them, in the order they were asked. */
function pageAnswers(frames: z.infer<typeof FramesSchema>): PageAnswer[] {
  const answers = new Map<string, PageAnswer>()
  // Frames without a payload (an abort, the end of a stream) are not requests or events.
  for (const { at, data } of frames.sent) {
    const frame = FrameSchema.safeParse(JSON.parse(data))
    if (frame.success && frame.data.p.u === '/ai/assist') answers.set(frame.data.i, { sentAt: at, tokenAts: [] })
  }
  for (const { at, data } of frames.received) {
    const frame = FrameSchema.safeParse(JSON.parse(data))
    if (frame.success && frame.data.p.e === 'message' && frame.data.p.d?.json.type === 'token') answers.get(frame.data.i)?.tokenAts.push(at)
  }
  return [...answers.values()]
}

/** Clicks the action once, then Retry `runs` times, each after the previous answer is complete; the first answer is a warm-up. */
export async function timeAnswers(page: Page, action: string, runs: number, workerLog: string): Promise<AssistantTiming> {
  const completeAnswers = (n: number): Promise<void> => waitInPage(page, `window.__bench.received.filter((frame) => frame.data.includes('"type":"done"')).length >= ${n}`)
  await page.getByRole('button', { name: action, exact: true }).click()
  await completeAnswers(1)
  const retry = page.getByRole('region', { name: 'Suggestion' }).getByRole('button', { name: 'Retry' })
  for (let i = 1; i <= runs; i++) {
    await retry.click()
    await completeAnswers(i + 1)
  }

  const frames = FramesSchema.parse(await page.evaluate('window.__bench'))
  const seen = pageAnswers(frames)
  // The worker also answered the core's warm-up (one token) before these.
  const produced = readFileSync(workerLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => WorkerLogSchema.parse(JSON.parse(line)))
    .filter((entry) => entry.end === 'done' && entry.tokenAts.length > 1)
  if (seen.length !== runs + 1 || produced.length !== runs + 1) throw new Error(`Expected ${runs + 1} answers; the page saw ${seen.length}, the worker wrote ${produced.length}.`)

  const timing: AssistantTiming = { perTokenMs: [], firstTokenOverheadMs: [], workerFirstTokenMs: [] }
  for (let run = 1; run <= runs; run++) {
    const inPage = seen[run]
    const inWorker = produced[run]
    if (!inPage || !inWorker) break
    if (inPage.tokenAts.length !== inWorker.tokenAts.length) throw new Error(`Answer ${run}: the worker posted ${inWorker.tokenAts.length} tokens, the page received ${inPage.tokenAts.length}.`)
    // Both clocks brought to the wall clock's.
    const skew = frames.skewMs - inWorker.skewMs
    inPage.tokenAts.forEach((at, k) => timing.perTokenMs.push(at - (inWorker.tokenAts[k] ?? NaN) - skew))
    const workerFirst = (inWorker.tokenAts[0] ?? NaN) - inWorker.requestAt
    timing.workerFirstTokenMs.push(workerFirst)
    timing.firstTokenOverheadMs.push((inPage.tokenAts[0] ?? NaN) - inPage.sentAt - workerFirst)
  }
  return timing
}
