import { loadavg } from 'node:os'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { expect, type Locator, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import * as Y from 'yjs'
import { addLayer } from '../src/shared/design/designDoc'
import { newShapeLayer, newTextLayer } from '../src/shared/design/newLayers'
import { DESIGN_PRESETS } from '../src/shared/design/presets'
import { DESIGN_TEMPLATES } from '../src/shared/design/templates'
import type { Canvas, Layer } from '../src/shared/design/types'
import { WORKSPACE_INDEX_ID } from '../src/shared/contracts/docs'
import { applyUpdates } from '../src/shared/docs/yjsUpdates'
import { listDocuments } from '../src/shared/workspace/workspaceIndex'
import { connectToHeadless } from '../test/e2e/fixtures/rpcClient'
import { waitInPage } from './lib/appPage'
import { freshBenchDir, requireBuild, withHeadless } from './lib/benchHeadless'
import { openBrowserPage } from './lib/browser'
import { profilePage, type ProfileEntry } from './lib/cpuProfile'
import { part } from './lib/part'
import { peakRssMb, printTable, writeResults } from './lib/report'
import { median, percentile, round } from './lib/stats'
import { atMost } from './lib/targets'

// bench:design: the design editor in the built renderer (headless mode, Debian's Chromium, the
// app window's default size).
// 1. Dragging a layer in a 50-layer design: for every pointermove while the button is down, the
//    time from the event to the end of the next frame's work (Konva's drag handler, snapping,
//    the Yjs write of x/y, Konva's redraw, paint; the editor's re-renders, ten a second during a
//    drag, in whichever frame they delay), measured in the
//    page: a capture-phase listener on the stage's container takes event.timeStamp, then in the
//    next requestAnimationFrame posts a setTimeout(0), whose performance.now() is the frame's end.
//    Chromium holds mouse moves until the next frame, so this includes up to one frame of waiting;
//    the breakdown shows that wait apart from the page's own work.
// 2. The same drag again under the CPU profiler (not timed): where the page's time goes.
// 3. PNG export at 1× for each preset (its first template): from the click on "Export PNG" until
//    the browser's download event; the file's size is checked. Apart from it, the page's own
//    part: from the click's event time until the file is handed to the browser (the <a download>
//    click), so time spent in Chromium's download machinery shows as the difference.

const LAYERS = 50
const MOVES = 200
const WARM_UP = 5
/** Moves of the second, profiled drag (not timed). */
const PROFILED_MOVES = 100
/** Timed exports per preset, after one untimed. */
const EXPORT_RUNS = 5
const TARGET_FRAME_P95_MS = 16
/** The dragged layer (on top of the other 49), in canvas pixels. */
const DRAGGED = { x: 440, y: 440, width: 200, height: 200 }
/** The pointer's path: 1.75 turns of a circle of this radius (canvas pixels), so the layer ends away from where it began. */
const PATH_RADIUS = 150
/** The app window's default size (src/main/windows.ts). */
const WINDOW = { width: 1280, height: 820 }

/**
 * Installed in the page: per pointermove with a button down, the event's time, the next frame's
 * start (rAF) and the end of that frame's work (the setTimeout(0) posted from the rAF).
 */
const RECORD_DRAG_FRAMES = `(() => {
  const container = document.querySelector('[role="application"][aria-label="Design canvas"] .design-stage')
  if (!container) return false
  window.__benchDrag = []
  let last = null
  container.addEventListener('pointermove', (event) => {
    if (event.buttons === 0) return
    const entry = { at: event.timeStamp, dispatched: performance.now(), handled: null, frame: null, end: null, coalesced: event.getCoalescedEvents().length }
    last = entry
    window.__benchDrag.push(entry)
    requestAnimationFrame(() => {
      entry.frame = performance.now()
      setTimeout(() => { entry.end = performance.now() }, 0)
    })
  }, true)
  // Konva drags on the window's mousemove (registered when it loaded, so before this one).
  window.addEventListener('mousemove', () => {
    if (last && last.handled === null) last.handled = performance.now()
  })
  return true
})()`

const BREAKDOWN_NOTES = {
  waitForFrame: 'p50 / p95: event → the page dispatches it (Chromium holds moves for the next frame)',
  dragHandler: "Konva's drag: dragmove, snapping, the Yjs write",
  handlerToFrame: 'drag handler end → requestAnimationFrame callback',
  frameCallbacksAndPaint: "rAF → setTimeout(0): Konva's draw, style, layout, paint",
  inPage: 'dispatch → end of frame work: the page\'s own share'
} as const

// The design UI by roles and names, as test/e2e/fixtures/designs.ts drives it (that module is
// typed for the DOM, which the bench's Node config leaves out).
const designCanvas = (page: Page): Locator => page.getByRole('application', { name: 'Design canvas' })
const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Inspector' })
const layerList = (page: Page): Locator => page.getByRole('list', { name: 'Layers' })

async function openDesigns(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
  await expect(page.getByRole('heading', { name: 'Designs', level: 1 })).toBeVisible()
}

/** From the New design dialog: a size ("Instagram post") or a template, by the start of its choice's name. */
async function newDesign(page: Page, start: string): Promise<void> {
  await page.getByRole('button', { name: 'New design' }).click()
  const dialog = page.getByRole('dialog', { name: 'New design' })
  await dialog.getByRole('radio', { name: new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`) }).check()
  await dialog.getByRole('button', { name: 'Create design' }).click()
  await expect(dialog).toBeHidden()
  await expect(designCanvas(page)).toHaveAttribute('data-fonts-ready', 'true')
}

interface DragFrame {
  /** event.timeStamp: when the browser received the input. */
  at: number
  /** The capture listener ran (Chromium holds mouse moves for the next frame). */
  dispatched: number
  /** After Konva's drag handler: dragmove, snapping, the Yjs write. */
  handled: number | null
  /** The next requestAnimationFrame callback started. */
  frame: number | null
  /** A setTimeout(0) posted from that callback ran: the frame's work (Konva's draw, style, layout, paint) is done. */
  end: number | null
  coalesced: number
}

/** 50 text and shape layers spread over a grid; the dragged rectangle last (on top). */
function benchLayers(canvas: Canvas): Layer[] {
  const layers: Layer[] = []
  const shapes = ['rect', 'ellipse', 'line'] as const
  for (let i = 0; i < LAYERS - 1; i++) {
    const box = { x: 40 + (i % 7) * 145, y: 40 + Math.floor(i / 7) * 130, width: 120, height: 100 }
    const id = crypto.randomUUID()
    if (i % 2 === 0) {
      layers.push({ ...newTextLayer(id, canvas, i, `Layer ${i + 1} text`), ...box, name: `Text ${i + 1}`, fontSize: 28, align: 'left' })
    } else {
      const shape = shapes[Math.floor(i / 2) % shapes.length] ?? 'rect'
      layers.push({ ...newShapeLayer(id, canvas, i, shape), ...box, ...(shape === 'line' ? { height: 0 } : {}), name: `Shape ${i + 1}`, fill: '#4b7bd8', opacity: 0.8 })
    }
  }
  layers.push({ ...newShapeLayer(crypto.randomUUID(), canvas, LAYERS - 1, 'rect'), ...DRAGGED, name: 'Dragged', fill: '#e63946', cornerRadius: 16 })
  return layers
}

/** A blank Instagram post made in the UI, filled with the bench layers over the core's RPC, then opened again. */
async function openFiftyLayerDesign(page: Page, url: string): Promise<void> {
  await openDesigns(page, url)
  await newDesign(page, 'Instagram post')
  await expect(page.locator('.save-status')).toHaveText('Saved')
  const { client, close } = await connectToHeadless(url)
  try {
    const index = new Y.Doc()
    applyUpdates(index, (await client.docs.load({ docId: WORKSPACE_INDEX_ID })).updates)
    const [design] = listDocuments(index).filter((entry) => entry.kind === 'design')
    if (!design) throw new Error('the new design is not listed')
    const doc = new Y.Doc()
    applyUpdates(doc, (await client.docs.load({ docId: design.id })).updates)
    const before = Y.encodeStateVector(doc)
    const canvas = { width: 1080, height: 1080, presetId: 'instagram-post', background: { kind: 'solid', color: '#ffffff' } } as const
    doc.transact(() => {
      for (const layer of benchLayers(canvas)) addLayer(doc, layer)
    })
    await client.docs.append({ docId: design.id, updates: [Y.encodeStateAsUpdate(doc, before)] })
  } finally {
    close()
  }
  await page.reload()
  await openDesigns(page, url)
  await page.getByRole('list', { name: 'Designs' }).getByRole('button').first().click()
  await expect(designCanvas(page)).toHaveAttribute('data-fonts-ready', 'true')
  await expect(layerList(page).getByRole('button')).toHaveCount(LAYERS)
}

interface Point {
  x: number
  y: number
}

/** With the button down, moves the pointer 1.75 turns round a circle above `start`, one awaited move at a time; returns where it ended. */
async function dragAlong(page: Page, start: Point, radius: number, moves: number): Promise<Point> {
  let at = start
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let step = 1; step <= moves; step++) {
    const angle = (3.5 * Math.PI * step) / moves
    const r = radius * Math.min(1, step / 20)
    at = { x: start.x + r * Math.sin(angle), y: start.y - r * (1 - Math.cos(angle)) * 0.5 }
    await page.mouse.move(at.x, at.y)
  }
  return at
}

/** Drags the top layer, recording every pointermove's frame in the page; returns the records and where the pointer ended. */
async function dragFrames(page: Page): Promise<{ frames: DragFrame[]; stagePx: number; end: Point; scale: number }> {
  // Selected first: selecting changes the layout above the canvas (the arrange bar), which would
  // move the canvas under a pointer that pressed on it.
  await layerList(page).getByRole('button', { name: /^Dragged/ }).click()
  await expect(inspector(page).getByRole('textbox', { name: 'Layer name' })).toHaveValue('Dragged')
  const box = await designCanvas(page).locator('canvas').first().boundingBox()
  if (!box) throw new Error('no canvas on screen')
  const scale = box.width / 1080
  const centre = { x: box.x + (DRAGGED.x + DRAGGED.width / 2) * scale, y: box.y + (DRAGGED.y + DRAGGED.height / 2) * scale }
  if ((await page.evaluate(RECORD_DRAG_FRAMES)) !== true) throw new Error('the design stage was not found')
  const end = await dragAlong(page, centre, PATH_RADIUS * scale, MOVES)
  await waitInPage(page, 'window.__benchDrag.every((entry) => entry.end !== null)')
  await page.mouse.up()
  // The drag reached the document: the dragged layer is selected and its X is no longer the start.
  await expect(inspector(page).getByRole('spinbutton', { name: 'X', exact: true })).not.toHaveValue(String(DRAGGED.x))
  return { frames: await page.evaluate<DragFrame[]>('window.__benchDrag'), stagePx: Math.round(box.width), end, scale }
}

/** Installed in the page: per export, the click's event time and when the file went to the browser. */
const RECORD_EXPORTS = `(() => {
  window.__benchExports = []
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button')?.textContent === 'Export PNG') window.__benchExports.push({ clicked: event.timeStamp })
  }, true)
  const click = HTMLAnchorElement.prototype.click
  HTMLAnchorElement.prototype.click = function () {
    const last = window.__benchExports.at(-1)
    if (this.download && last) last.handedOver = performance.now()
    return click.call(this)
  }
  return true
})()`

interface ExportTimes {
  /** Click → the browser's download event, per preset, ms per run. */
  toDownload: Record<string, number[]>
  /** Click → the file handed to the browser, in the page, per preset, ms per run. */
  inPage: Record<string, number[]>
}

/** For each preset, a design from its first template exported as PNG at 1×. */
async function exportTimes(page: Page): Promise<ExportTimes> {
  const times: Record<string, number[]> = {}
  const inPage: Record<string, number[]> = {}
  await page.evaluate(RECORD_EXPORTS)
  for (const preset of DESIGN_PRESETS) {
    const template = DESIGN_TEMPLATES.find((candidate) => candidate.presetId === preset.id)
    if (!template) throw new Error(`no template for ${preset.id}`)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Designs' }).click()
    await newDesign(page, template.name)
    // The new design is open (not the one before it): its title and its layers are there.
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(template.name)
    await expect(layerList(page).getByRole('button')).toHaveCount(template.build(() => crypto.randomUUID()).layers.length)
    const button = inspector(page).getByRole('button', { name: 'Export PNG', exact: true })
    const runs: number[] = []
    for (let run = 0; run <= EXPORT_RUNS; run++) {
      await expect(button).toBeEnabled()
      const downloaded = page.waitForEvent('download')
      const started = performance.now()
      await button.click()
      const download = await downloaded
      const ms = performance.now() - started
      const image = PNG.sync.read(await readFile(await download.path()))
      if (image.width !== preset.width || image.height !== preset.height) {
        throw new Error(`${template.name}: exported ${image.width} × ${image.height}, expected ${preset.width} × ${preset.height}`)
      }
      if (run > 0) runs.push(ms)
    }
    times[preset.id] = runs
    const marks = await page.evaluate<{ clicked: number; handedOver?: number }[]>('window.__benchExports.splice(0)')
    inPage[preset.id] = marks.slice(1).map((mark) => (mark.handedOver ?? Number.NaN) - mark.clicked)
  }
  return { toDownload: times, inPage }
}

async function main(): Promise<void> {
  requireBuild()
  const started = performance.now()
  const loadAverageAtStart = loadavg().map((load) => round(load, 1))
  const { frames, exports, stagePx, profile } = await withHeadless(freshBenchDir('design'), [], async (headless) => {
    const { browser, page } = await openBrowserPage()
    await page.setViewportSize(WINDOW)
    try {
      await part('50-layer design', () => openFiftyLayerDesign(page, headless.url))
      const { frames, stagePx, end, scale } = await part('drag', () => dragFrames(page))
      // The same drag again (from where the layer now is) under the CPU profiler: where the time goes.
      const profile = await part('profiled drag', () =>
        profilePage(page, async () => {
          await dragAlong(page, end, PATH_RADIUS * scale, PROFILED_MOVES)
          await page.mouse.up()
        })
      )
      const exports = await part('exports', () => exportTimes(page))
      return { frames, exports, stagePx, profile }
    } finally {
      await browser.close()
    }
  })

  const measured = frames.slice(WARM_UP)
  const spread = (all: number[]): { p50: number; p95: number; max: number } => {
    const values = all.filter((value) => Number.isFinite(value))
    if (values.length !== all.length) throw new Error(`${all.length - values.length} of ${all.length} pointermoves lack a time`)
    return { p50: round(median(values), 1), p95: round(percentile(values, 95), 1), max: round(Math.max(...values), 1) }
  }
  const frameMs = measured.map((entry) => (entry.end ?? NaN) - entry.at)
  const frame = spread(frameMs)
  const breakdown = {
    waitForFrame: spread(measured.map((entry) => entry.dispatched - entry.at)),
    dragHandler: spread(measured.map((entry) => (entry.handled ?? NaN) - entry.dispatched)),
    handlerToFrame: spread(measured.map((entry) => (entry.frame ?? NaN) - (entry.handled ?? NaN))),
    frameCallbacksAndPaint: spread(measured.map((entry) => (entry.end ?? NaN) - (entry.frame ?? NaN))),
    inPage: spread(measured.map((entry) => (entry.end ?? NaN) - entry.dispatched))
  }
  const medians = (perPreset: Record<string, number[]>): Record<string, number> => Object.fromEntries(Object.entries(perPreset).map(([id, runs]) => [id, Math.round(median(runs))]))
  const exportMs = medians(exports.toDownload)
  const exportInPageMs = medians(exports.inPage)
  const results = {
    dragFrameMs: { ...frame, count: frameMs.length },
    dragBreakdownMs: breakdown,
    drag: {
      layers: LAYERS,
      pointerMoves: MOVES,
      pointerEvents: frames.length,
      warmUp: WARM_UP,
      coalescedEvents: frames.reduce((sum, entry) => sum + Math.max(0, entry.coalesced - 1), 0)
    },
    exportMs,
    exportInPageMs,
    dragProfile: { note: `CPU self time in the page during a second drag of ${PROFILED_MOVES} moves`, ...profile },
    exportRunsMs: Object.fromEntries(Object.entries(exports.toDownload).map(([id, runs]) => [id, runs.map((ms) => Math.round(ms))])),
    exportRuns: EXPORT_RUNS,
    window: { ...WINDOW, stageOnScreenPx: stagePx },
    loadAverage: { atStart: loadAverageAtStart, atEnd: loadavg().map((load) => round(load, 1)) },
    peakRssMb: peakRssMb(),
    measuredAt: 'Chromium (Debian, headless) on headless mode: the built renderer, software rendering',
    totalSeconds: Math.round((performance.now() - started) / 1000)
  }

  console.log(`\nDesign editor, measured in ${results.measuredAt} (window ${WINDOW.width} × ${WINDOW.height}, the 1080 × 1080 canvas drawn ${stagePx} px wide)\n`)
  const drag = results.dragFrameMs
  printTable([
    ['dragFrameMs.p50', drag.p50, `pointermove → end of the next frame's work, ${drag.count} moves (first ${WARM_UP} dropped), ${LAYERS} layers`],
    ['dragFrameMs.p95', drag.p95, atMost(drag.p95, TARGET_FRAME_P95_MS)],
    ['dragFrameMs.max', drag.max, `${results.drag.coalescedEvents} moves coalesced into another's pointermove`],
    ...Object.entries(breakdown).map(([name, { p50, p95 }]): [string, string, string] => [`  ${name}`, `${p50} / ${p95}`, BREAKDOWN_NOTES[name as keyof typeof breakdown]]),
    ...DESIGN_PRESETS.map((preset): [string, number, string] => [
      `exportMs.${preset.id}`,
      exportMs[preset.id] ?? NaN,
      `PNG 1× ${preset.width} × ${preset.height}, click → download, median of ${EXPORT_RUNS} (${(results.exportRunsMs[preset.id] ?? []).join(', ')}); in the page ${exportInPageMs[preset.id]}`
    ]),
    ['peakRssMb', results.peakRssMb, 'the benchmark process (not Chromium or the core)']
  ])
  const shown = (entries: ProfileEntry[], count: number): string => entries.slice(0, count).map((entry) => `  ${entry.share.toFixed(1).padStart(5)} %  ${entry.ms.toFixed(0).padStart(5)} ms  ${entry.name}`).join('\n')
  console.log(`\nWhere the drag's time goes: CPU self time in the page over a second drag of ${PROFILED_MOVES} moves (${profile.totalMs} ms sampled, ${profile.idleMs} ms idle)`)
  const main = profile.mainThreadMs
  console.log(`Main thread: ${main.tasks} ms in tasks, of which script ${main.script}, style ${main.style}, layout ${main.layout} (${main.layouts} layouts); the rest is the canvas drawing, paint and the browser's own work`)
  console.log(`By module:\n${shown(profile.modules, 8)}\nBy function:\n${shown(profile.functions, 10)}\nThe app's files, inclusive:\n${shown(profile.appFilesInclusive, 8)}`)
  console.log(`\nLoad average (1, 5, 15 min) at the start ${results.loadAverage.atStart.join(', ')}, at the end ${results.loadAverage.atEnd.join(', ')}`)
  console.log(`Wrote ${writeResults('design', results)} in ${results.totalSeconds} s`)
}

await main()
