import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { HeadlessInstance } from '../test/e2e/fixtures/headless'
import { writeTinyTextModel } from '../test/fixtures/tinyModels'
import { openDraft } from './lib/appPage'
import { timeAnswers, type AssistantTiming } from './lib/assistantTiming'
import { freshBenchDir, requireBuild, TIMED_INFERENCE_WORKER, withHeadless } from './lib/benchHeadless'
import { openBrowserPage } from './lib/browser'
import { measureDownloadSpeed } from './lib/downloadSpeed'
import { connectToHeadless } from '../test/e2e/fixtures/rpcClient'
import { printTable, writeResults } from './lib/report'
import { part } from './lib/part'
import { median, percentile, round } from './lib/stats'
import { atMost, controlMisses } from './lib/targets'
import { timeTyping, type TypingLatency } from './lib/typingLatency'

// bench:local: what running a local model costs the rest of the app. Headless mode (the core in
// its own process, as in the app) serves the built renderer to Chromium; no cloud provider is
// configured, so the local model answers. Four runs:
// 1. the tiny model through the instrumented inference worker, paced at ≥ 5 ms per token (slow
//    enough that tokens do not queue): per-token and first-token overhead, from the worker's
//    clock readings to the page's;
// 2. the same unpaced (thousands of tokens a second): what a burst costs once tokens queue (info);
// 3. typing while a slow model (≥ 50 ms per token) generates in the inference worker;
// 4. the same with the model on the core's own thread (--inference-inline), the control;
// then, apart from the app, the model downloader against the fake Hub.

const ANSWER =
  'The harbour council will meet again next week to decide on the sea wall, and residents who spoke at the last meeting asked for the work to start before the winter storms. ' +
  'Engineers say the repairs will take two years and will close the eastern footpath for most of that time, while shop owners on the quay worry about losing visitors.'
/** A long answer (the answer three times over) keeps the slow model busy for tens of seconds. */
const LONG_ANSWER = `${ANSWER} ${ANSWER} ${ANSWER}`
const DRAFT_TEXT = 'The council met on Tuesday to talk about the harbour.'
const ANSWER_RUNS = 12
const PACED_MS_PER_TOKEN = 5
const SLOW_MS_PER_TOKEN = 50
const TYPING = { keys: 160, intervalMs: [60, 100] as [number, number], text: DRAFT_TEXT }
const DOWNLOAD_MB = 128
const TARGETS = { perTokenOverheadMs: 1, firstTokenOverheadMs: 50, inputLatencyP99Ms: 50 }

/** Runs 1 and 2: the tiny model answers the Rewrite button, with clock readings in the worker and the page. */
async function measureAnswers(slowMs: number | undefined): Promise<AssistantTiming> {
  const dataDir = freshBenchDir(slowMs ? 'local-answers-paced' : 'local-answers')
  await writeTinyTextModel(join(dataDir, 'models'), { sentence: ANSWER, slowMs })
  const workerLog = join(dataDir, 'inference-log.jsonl')
  process.env.HOLDFAST_BENCH_INFERENCE_LOG = workerLog
  return withHeadless(dataDir, ['--inference-worker', TIMED_INFERENCE_WORKER], async (headless) => {
    const { browser, page } = await openBrowserPage()
    try {
      await openDraft(page, headless.url, DRAFT_TEXT)
      return await timeAnswers(page, 'Rewrite', ANSWER_RUNS, workerLog)
    } finally {
      await browser.close()
    }
  })
}

/** Runs 3 and 4: typing while the slow model generates, in the worker or (`inline`) on the core's thread. */
async function measureTyping(where: 'worker' | 'inline', modelsDir: string): Promise<TypingLatency> {
  const dataDir = freshBenchDir(`local-typing-${where}`)
  const args = ['--models', modelsDir, ...(where === 'inline' ? ['--inference-inline'] : [])]
  return withHeadless(dataDir, args, async (headless: HeadlessInstance) => {
    const { browser, page } = await openBrowserPage()
    const rpc = await connectToHeadless(headless.url)
    try {
      await openDraft(page, headless.url, DRAFT_TEXT)
      return await timeTyping(page, rpc.client, TYPING)
    } finally {
      rpc.close()
      await browser.close()
    }
  })
}

async function main(): Promise<void> {
  requireBuild()
  const started = performance.now()
  // The build machines are shared: a busy machine shows in every figure here.
  const loadAverageAtStart = loadavg().map((load) => round(load, 1))
  const answers = await part('answers, paced model', () => measureAnswers(PACED_MS_PER_TOKEN))
  const burst = await part('answers, unpaced model', () => measureAnswers(undefined))
  const slowModels = join(freshBenchDir('local-slow-model'), 'models')
  await writeTinyTextModel(slowModels, { sentence: LONG_ANSWER, slowMs: SLOW_MS_PER_TOKEN })
  const typing = await part('typing, model in the worker', () => measureTyping('worker', slowModels))
  const control = await part('typing, model on the core thread', () => measureTyping('inline', slowModels))
  const download = await part('download', () => measureDownloadSpeed(DOWNLOAD_MB))

  const results = {
    perTokenOverheadMs: round(median(answers.perTokenMs), 3),
    perTokenOverheadP99Ms: round(percentile(answers.perTokenMs, 99), 3),
    perTokenOverheadP10Ms: round(percentile(answers.perTokenMs, 10), 3),
    perTokenOverheadMsUnpaced: round(median(burst.perTokenMs), 3),
    perTokenOverheadP99MsUnpaced: round(percentile(burst.perTokenMs, 99), 3),
    firstTokenOverheadMs: round(median(answers.firstTokenOverheadMs)),
    workerFirstTokenMs: round(median(answers.workerFirstTokenMs)),
    inputLatencyP99Ms: round(percentile(typing.savedMs, 99), 1),
    inputLatencyP99MsControl: round(percentile(control.savedMs, 99), 1),
    inputLatencyMedianMs: round(median(typing.savedMs), 1),
    inputLatencyMedianMsControl: round(median(control.savedMs), 1),
    keyToPaintP99Ms: round(percentile(typing.paintedMs, 99), 1),
    keyToPaintP99MsControl: round(percentile(control.paintedMs, 99), 1),
    pacedModelMsPerTokenAtLeast: PACED_MS_PER_TOKEN,
    samples: { tokens: answers.perTokenMs.length, tokensUnpaced: burst.perTokenMs.length, answers: answers.firstTokenOverheadMs.length, keys: typing.savedMs.length, keysControl: control.savedMs.length },
    slowModel: {
      msPerTokenAtLeast: SLOW_MS_PER_TOKEN,
      tokensWhileTyping: typing.tokensWhileTyping,
      tokensWhileTypingControl: control.tokensWhileTyping,
      longestTokenGapMs: Math.round(typing.longestTokenGapMs),
      longestTokenGapMsControl: Math.round(control.longestTokenGapMs)
    },
    loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg().map((load) => round(load, 1)) },
    downloadMBps: round(download.downloadMBps, 1),
    copyMBps: round(download.copyMBps, 1),
    downloadMegabytes: download.megabytes,
    measuredAt: 'Chromium (Debian) on headless mode: tokens at the WebSocket message event, before the app handles them; keys in the editor',
    totalSeconds: Math.round((performance.now() - started) / 1000)
  }

  console.log(`\nLocal model overheads, measured in ${results.measuredAt}\n`)
  printTable([
    ['perTokenOverheadMs', results.perTokenOverheadMs.toFixed(2), `median of ${results.samples.tokens} tokens (model ≥ ${PACED_MS_PER_TOKEN} ms a token), worker posts → page receives (p10 ${results.perTokenOverheadP10Ms}, p99 ${results.perTokenOverheadP99Ms}); ${atMost(results.perTokenOverheadMs, TARGETS.perTokenOverheadMs)}`],
    ['perTokenOverheadMsUnpaced', results.perTokenOverheadMsUnpaced, `info: the same, model unpaced (thousands of tokens a second, so tokens queue; p99 ${results.perTokenOverheadP99MsUnpaced})`],
    ['firstTokenOverheadMs', results.firstTokenOverheadMs, `median of ${results.samples.answers} warm answers, request → first token minus the worker's own ${results.workerFirstTokenMs} ms; ${atMost(results.firstTokenOverheadMs, TARGETS.firstTokenOverheadMs)}`],
    ['inputLatencyP99Ms', results.inputLatencyP99Ms, `keydown → "Saved" painted, ${results.samples.keys} keys, model in the worker (median ${results.inputLatencyMedianMs}); ${atMost(results.inputLatencyP99Ms, TARGETS.inputLatencyP99Ms)}`],
    ['inputLatencyP99MsControl', results.inputLatencyP99MsControl, `the same, model on the core's thread (median ${results.inputLatencyMedianMsControl}); ${controlMisses(results.inputLatencyP99MsControl, TARGETS.inputLatencyP99Ms)}`],
    ['keyToPaintP99Ms', results.keyToPaintP99Ms, `info: keydown → next frame, the renderer alone (control ${results.keyToPaintP99MsControl})`],
    ['tokensWhileTyping', results.slowModel.tokensWhileTyping, `info: the slow model kept generating (longest pause ${results.slowModel.longestTokenGapMs} ms; control ${results.slowModel.tokensWhileTypingControl}, ${results.slowModel.longestTokenGapMsControl} ms)`],
    ['downloadMBps', results.downloadMBps, `a ${DOWNLOAD_MB} MB model from the fake Hub on 127.0.0.1, verified and installed (median of 3)`],
    ['copyMBps', results.copyMBps, 'the same bytes copied on the same disk, then fsync (median of 3): the ceiling for downloadMBps']
  ])
  console.log(`\nLoad average (1, 5, 15 min) at the start ${results.loadAverage.atStart.join(', ')}, at the end ${results.loadAverage.atEnd.join(', ')}`)
  console.log(`Wrote ${writeResults('local', results)} in ${results.totalSeconds} s`)
}

await main()
