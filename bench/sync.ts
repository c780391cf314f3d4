import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type Page } from '@playwright/test'
import { build } from 'esbuild'
import * as Y from 'yjs'
import { HeadlessLauncher } from '../test/e2e/fixtures/headless'
import { startStockSignalingServer } from '../test/e2e/fixtures/stockSignalingServer'
import { DRAFT_BODY_FIELD } from '../src/shared/editor/fields'
import { WORKSPACE_INDEX_ID } from '../src/shared/contracts/docs'
import { listDrafts } from '../src/shared/workspace/workspaceIndex'
import { freshBenchDir, requireBuild } from './lib/benchHeadless'
import { connectToHeadless } from '../test/e2e/fixtures/rpcClient'
import { peakRssMb, printTable, writeResults } from './lib/report'
import { percentile, round } from './lib/stats'
import { loadTrace } from './lib/trace'

// bench:sync (run by `npm run bench:sync` inside the loopback-only network namespace): how fast
// an edit reaches a teammate.
// 1. Two full Holdfast instances (headless, own data folders, own browser contexts, LAN
//    discovery): a key typed in A's editor until B's editor shows it, over EDITS keys.
// 2. The same between two pages running nothing but yjs + y-webrtc (bench/lib/baselinePeer.js)
//    and y-webrtc's own signaling server: the baseline.
// 3. B opening a draft holding the whole paper trace (259,778 edits) that A has open: from the
//    click until B shows all of its text.
// 4. Five instances with one draft open; two of them are split off (their cores restarted on
//    another discovery port, mDNS off), both sides edit, then the two come back on the LAN: from
//    the moment both apps run on the LAN again (their windows then reload and open the draft)
//    until all five show the same text with both edits.

const EDITS = 200
const KEY_INTERVAL_MS = 25
const TARGETS = { p50VsBaseline: 2, p99Ms: 50 }
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream']

/** What the page being measured records: when each key went down (A) and when each character showed (B). */
const RECORD_KEYS = `(() => {
  const editor = document.querySelector('[contenteditable="true"]')
  window.benchKeys = []
  editor.addEventListener('keydown', () => window.benchKeys.push(performance.timeOrigin + performance.now()), true)
  return true
})()`
const RECORD_SHOWN = `(() => {
  const editor = document.querySelector('[contenteditable="true"]')
  window.benchShown = []
  let shown = editor.textContent.length
  window.benchStart = shown
  new MutationObserver(() => {
    const now = performance.timeOrigin + performance.now()
    const length = editor.textContent.length
    for (let i = shown; i < length; i++) window.benchShown[i] = now
    shown = Math.max(shown, length)
  }).observe(editor, { characterData: true, childList: true, subtree: true })
  return true
})()`

async function waitFor(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while ((await page.evaluate(expression)) !== true) {
    if (performance.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${expression}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Types EDITS keys in A and returns, per key, the ms until B showed it. */
async function editToVisible(a: Page, b: Page, editorSelector: string): Promise<number[]> {
  await a.locator(editorSelector).click()
  await a.keyboard.press('Control+End')
  await a.evaluate(RECORD_KEYS)
  await b.evaluate(RECORD_SHOWN)
  const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(EDITS / 26)).slice(0, EDITS)
  await a.keyboard.type(text, { delay: KEY_INTERVAL_MS })
  await waitFor(b, `window.benchShown.length >= window.benchStart + ${EDITS}`)
  const keys = await a.evaluate<number[]>('window.benchKeys')
  const shown = await b.evaluate<number[]>('window.benchShown.slice(window.benchStart)')
  return keys.map((at, i) => (shown[i] ?? Number.NaN) - at)
}

/** Two full Holdfast instances in one team; returns their pages (separate contexts) and a stop. */
async function holdfastPair(browser: Browser) {
  const launcher = new HeadlessLauncher()
  const [a, b] = [await launcher.launch(freshBenchDir('sync-a')), await launcher.launch(freshBenchDir('sync-b'))]
  const [rpcA, rpcB] = [await connectToHeadless(a.url), await connectToHeadless(b.url)]
  await rpcA.client.team.create({ name: 'Bench desk' })
  await rpcB.client.team.join({ code: (await rpcA.client.team.invite()).code })
  const [pageA, pageB] = await Promise.all([browser.newContext().then((c) => c.newPage()), browser.newContext().then((c) => c.newPage())])
  await Promise.all([pageA.goto(a.url), pageB.goto(b.url)])
  return {
    pageA,
    pageB,
    rpcA: rpcA.client,
    stop: async () => {
      rpcA.close()
      rpcB.close()
      await launcher.stopAll()
    }
  }
}

/** Polls `read` until it gives a value (at most 10 s). */
async function untilDefined<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = performance.now() + 10_000
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`No ${what} after 10 s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function newDraft(page: Page, title: string, body: string): Promise<void> {
  await page.getByRole('region', { name: 'Drafts' }).getByRole('button', { name: 'New draft' }).click()
  await page.getByRole('textbox', { name: 'Title' }).fill(title)
  await page.getByRole('textbox', { name: 'Draft text' }).click()
  await page.keyboard.type(body)
  await page.locator('.save-status[role="status"]', { hasText: /^Saved$/ }).waitFor()
}

async function openDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: new RegExp(`^${title}`) }).click({ timeout: 60_000 })
  await page.getByRole('textbox', { name: 'Title' }).and(page.locator(`[value="${title}"]`)).waitFor()
}

/** The trace replayed into a draft's structure (text in one paragraph), as one update. */
function traceDocument(): { update: Uint8Array; length: number } {
  const trace = loadTrace()
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  doc.getXmlFragment(DRAFT_BODY_FIELD).insert(0, [paragraph])
  for (const [, pos, del, ins] of trace.ops) {
    if (del > 0) text.delete(pos, del)
    if (ins) text.insert(pos, ins)
  }
  return { update: Y.encodeStateAsUpdate(doc), length: trace.finalText.length }
}

async function measureHoldfast(browser: Browser): Promise<{ latencies: number[]; fullDocJoinMs: number }> {
  const pair = await holdfastPair(browser)
  try {
    const { pageA, pageB } = pair
    await newDraft(pageA, 'Bench', 'Start.')
    await openDraft(pageB, 'Bench')
    await waitFor(pageB, `document.querySelector('[contenteditable="true"]').textContent === 'Start.'`)
    const latencies = await editToVisible(pageA, pageB, '[contenteditable="true"]')

    // The paper trace, stored into a draft of A's while A is elsewhere, then opened by A.
    await newDraft(pageA, 'Paper', '')
    await pageA.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Team' }).click()
    // The title reaches storage through the index's own session, which "Saved" may not yet cover.
    const paperId = await untilDefined(async () => {
      const index = new Y.Doc()
      for (const update of (await pair.rpcA.docs.load({ docId: WORKSPACE_INDEX_ID })).updates) Y.applyUpdate(index, update)
      return listDrafts(index).find((draft) => draft.title === 'Paper')?.id
    }, 'the Paper draft in the stored index')
    const paper = traceDocument()
    await pair.rpcA.docs.append({ docId: paperId, updates: [paper.update] })
    await pageA.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Drafts' }).click()
    await openDraft(pageA, 'Paper')
    await waitFor(pageA, `document.querySelector('[contenteditable="true"]').textContent.length >= ${paper.length}`)
    await pageB.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Team' }).click()
    await pageB.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Drafts' }).click()
    const started = performance.now()
    await openDraft(pageB, 'Paper')
    await waitFor(pageB, `document.querySelector('[contenteditable="true"]').textContent.length >= ${paper.length}`)
    return { latencies, fullDocJoinMs: performance.now() - started }
  } finally {
    await pair.stop()
  }
}

const PEERS = 5
const SPLIT_OFF = 2
const SPLIT_DISCOVERY_PORT = '47431'

function editorText(page: Page): Promise<string> {
  return page.evaluate(`document.querySelector('[contenteditable="true"]').textContent`)
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('[contenteditable="true"]').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
  await page.locator('.save-status[role="status"]', { hasText: /^Saved$/ }).waitFor()
}

async function measurePartition(browser: Browser): Promise<number> {
  const launcher = new HeadlessLauncher()
  try {
    const dirs = Array.from({ length: PEERS }, (_, i) => freshBenchDir(`sync-p${i}`))
    const cores = await Promise.all(dirs.map((dir) => launcher.launch(dir)))
    const rpcs = await Promise.all(cores.map((core) => connectToHeadless(core.url)))
    const [first, ...others] = rpcs.map((rpc) => rpc.client)
    if (!first) throw new Error('no first peer')
    await first.team.create({ name: 'Bench desk' })
    const { code } = await first.team.invite()
    for (const client of others) await client.team.join({ code })
    for (const rpc of rpcs) rpc.close()
    const pages = await Promise.all(cores.map(() => browser.newContext().then((c) => c.newPage())))
    await Promise.all(pages.map((page, i) => page.goto(cores[i]?.url ?? '')))
    const [writer] = pages
    if (!writer) throw new Error('no writer page')
    await newDraft(writer, 'Split', 'Start.')
    for (const page of pages.slice(1)) {
      await openDraft(page, 'Split')
      await waitFor(page, `document.querySelector('[contenteditable="true"]').textContent === 'Start.'`)
    }

    // The split: the last two come back on a discovery port of their own; both sides edit.
    const reopen = async (i: number, args: readonly string[]): Promise<void> => {
      await cores[i]?.stop()
      const core = await launcher.launch(dirs[i] ?? '', args)
      cores[i] = core
      await pages[i]?.goto(core.url)
      await openDraft(pages[i] as Page, 'Split')
    }
    const apart = pages.slice(PEERS - SPLIT_OFF)
    await Promise.all(apart.map((_, j) => reopen(PEERS - SPLIT_OFF + j, ['--discovery-port', SPLIT_DISCOVERY_PORT, '--no-mdns'])))
    await typeAtEnd(writer, ' Left.')
    await typeAtEnd(apart[0] as Page, ' Right.')
    await waitFor(apart[1] as Page, `document.querySelector('[contenteditable="true"]').textContent.includes('Right.')`)

    // Healed: the clock starts once both apps run on the LAN again, and runs while their windows
    // reload and open the draft, find the others and sync, until all five agree.
    const healed = apart.map((_, j) => PEERS - SPLIT_OFF + j)
    await Promise.all(
      healed.map(async (i) => {
        await cores[i]?.stop()
      })
    )
    await Promise.all(healed.map(async (i) => (cores[i] = await launcher.launch(dirs[i] ?? ''))))
    const started = performance.now()
    await Promise.all(
      healed.map(async (i) => {
        await pages[i]?.goto(cores[i]?.url ?? '')
        await openDraft(pages[i] as Page, 'Split')
      })
    )
    const deadline = started + 120_000
    for (;;) {
      const texts = await Promise.all(pages.map(editorText))
      const [text = ''] = texts
      if (new Set(texts).size === 1 && text.includes('Left.') && text.includes('Right.')) return performance.now() - started
      if (performance.now() > deadline) throw new Error(`Five peers did not converge within 120 s: ${JSON.stringify(texts)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    await launcher.stopAll()
  }
}

async function serveBaseline(): Promise<{ url: string; server: Server }> {
  const bundle = await build({ entryPoints: [join(import.meta.dirname, 'lib/baselinePeer.js')], bundle: true, write: false, format: 'esm', platform: 'browser' })
  const script = bundle.outputFiles[0]?.text ?? ''
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/baseline.js')) return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><div id="editor" contenteditable="true"></div><script type="module" src="/baseline.js"></script>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server }
}

async function measureBaseline(browser: Browser): Promise<number[]> {
  const signaling = await startStockSignalingServer()
  const { url, server } = await serveBaseline()
  try {
    const [a, b] = await Promise.all([browser.newContext().then((c) => c.newPage()), browser.newContext().then((c) => c.newPage())])
    const page = `${url}?room=baseline-${Date.now()}&signaling=${encodeURIComponent(signaling.url)}`
    await Promise.all([a.goto(page), b.goto(page)])
    await waitFor(a, `[...window.baselineProvider.room.webrtcConns.values()].some((conn) => conn.connected)`)
    await waitFor(b, `[...window.baselineProvider.room.webrtcConns.values()].some((conn) => conn.connected)`)
    return await editToVisible(a, b, '#editor')
  } finally {
    signaling.stop()
    server.close()
  }
}

async function main(): Promise<void> {
  requireBuild()
  if (process.env.HOLDFAST_LOOPBACK_NETNS !== '1') throw new Error('Run it as `npm run bench:sync`: WebRTC is measured inside a loopback-only network namespace.')
  const browser = await chromium.launch({ executablePath: process.env.HOLDFAST_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const started = performance.now()
    const baseline = await measureBaseline(browser)
    console.log(`baseline (yjs + y-webrtc pages): ${((performance.now() - started) / 1000).toFixed(1)} s`)
    const holdfastStarted = performance.now()
    const holdfast = await measureHoldfast(browser)
    console.log(`Holdfast (two instances): ${((performance.now() - holdfastStarted) / 1000).toFixed(1)} s`)
    const partitionStarted = performance.now()
    const partitionConvergeMs5Peers = Math.round(await measurePartition(browser))
    console.log(`Holdfast (five instances, split and healed): ${((performance.now() - partitionStarted) / 1000).toFixed(1)} s`)
    const p = (values: number[], q: number): number => round(percentile(values.filter(Number.isFinite), q), 1)
    const results = {
      edits: EDITS,
      editToVisibleMs: { p50: p(holdfast.latencies, 50), p99: p(holdfast.latencies, 99) },
      baselineEditToVisibleMs: { p50: p(baseline, 50), p99: p(baseline, 99) },
      fullDocJoinMs: Math.round(holdfast.fullDocJoinMs),
      partitionConvergeMs5Peers,
      peakRssMb: peakRssMb()
    }
    const ratio = round(results.editToVisibleMs.p50 / results.baselineEditToVisibleMs.p50, 2)
    printTable([
      ['editToVisibleMs p50', results.editToVisibleMs.p50, `${ratio} × baseline (target ≤ ${TARGETS.p50VsBaseline} ×)`],
      ['editToVisibleMs p99', results.editToVisibleMs.p99, `target ≤ ${TARGETS.p99Ms}`],
      ['baselineEditToVisibleMs p50', results.baselineEditToVisibleMs.p50, 'raw yjs + y-webrtc pages, same run'],
      ['baselineEditToVisibleMs p99', results.baselineEditToVisibleMs.p99, ''],
      ['fullDocJoinMs', results.fullDocJoinMs, 'B opens the paper-trace draft A has open, until all its text shows'],
      ['partitionConvergeMs5Peers', results.partitionConvergeMs5Peers, `${SPLIT_OFF} of ${PEERS} split off, both sides edit; from their apps' restart on the LAN until all ${PEERS} agree`]
    ])
    console.log(`Wrote ${writeResults('sync', results)}`)
  } finally {
    await browser.close()
  }
}

await main()
