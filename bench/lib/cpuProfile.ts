import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'

// A CPU profile of the page's main thread (Chrome DevTools Protocol, Profiler domain) while
// `run` drives it, summed by function and by source module. The renderer bundle is not minified
// and marks where each module starts ("// node_modules/konva/lib/Shape.js"), so a sample's line
// says which module it is in.

const RENDERER_OUT = resolve(import.meta.dirname, '../../out/renderer')
/** Microseconds between samples. */
const SAMPLING_INTERVAL_US = 200
const MODULE_MARKER = /^\/\/ ((?:node_modules|src)\/\S+\.(?:[cm]?js|tsx?))$/

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}

interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples?: number[]
  timeDeltas?: number[]
}

export interface ProfileEntry {
  name: string
  ms: number
  share: number
}

export interface ProfileSummary {
  /** Sampled time, idle included. */
  totalMs: number
  idleMs: number
  /** By module (a package, or a source file of the app); "(program)" is the browser's own work: style, layout, paint. */
  modules: ProfileEntry[]
  functions: ProfileEntry[]
  /** The app's own source files by inclusive time: what they do and everything they call. */
  appFilesInclusive: ProfileEntry[]
  /** The page's main thread over the same time, from the Performance domain: all tasks, script, style recalculation, layout (ms). */
  mainThreadMs: { tasks: number; script: number; style: number; layout: number; layouts: number }
}

const METRICS = { tasks: 'TaskDuration', script: 'ScriptDuration', style: 'RecalcStyleDuration', layout: 'LayoutDuration', layouts: 'LayoutCount' } as const

/** For one bundle file: the module each line belongs to, by the markers before it. */
function moduleLocator(url: string): (line: number) => string {
  const path = new URL(url).pathname
  let lines: string[]
  try {
    lines = readFileSync(resolve(RENDERER_OUT, `.${path}`), 'utf8').split('\n')
  } catch {
    return () => path
  }
  const starts: { line: number; module: string }[] = []
  lines.forEach((text, line) => {
    const found = MODULE_MARKER.exec(text)
    if (found?.[1]) starts.push({ line, module: found[1] })
  })
  return (line) => {
    let module = path
    for (const start of starts) {
      if (start.line > line) break
      module = start.module
    }
    return module
  }
}

/** A package name (node_modules/@scope/name/… → @scope/name), or the app's own file. */
function groupOf(module: string): string {
  const inPackage = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)
  return inPackage?.[1] ?? module
}

function top(totals: Map<string, number>, totalMs: number, count: number): ProfileEntry[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10, share: Math.round((ms / totalMs) * 1000) / 10 }))
}

/** Profiles the page while `run` runs; returns the self time of the busiest modules and functions. */
export async function profilePage(page: Page, run: () => Promise<void>, count = 12): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Performance.enable')
    const metrics = async (): Promise<Map<string, number>> => {
      const { metrics: list } = await cdp.send('Performance.getMetrics')
      return new Map(list.map(({ name, value }) => [name, value]))
    }
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US })
    const before = await metrics()
    await cdp.send('Profiler.start')
    await run()
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
    const after = await metrics()
    const delta = (name: string, unit: number): number => Math.round(((after.get(name) ?? NaN) - (before.get(name) ?? NaN)) * unit)
    const mainThreadMs = {
      tasks: delta(METRICS.tasks, 1000),
      script: delta(METRICS.script, 1000),
      style: delta(METRICS.style, 1000),
      layout: delta(METRICS.layout, 1000),
      layouts: delta(METRICS.layouts, 1)
    }
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    const parents = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
    const locators = new Map<string, (line: number) => string>()
    const moduleOf = (frame: CallFrame): string => {
      if (!frame.url.startsWith('http')) return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
      let locate = locators.get(frame.url)
      if (!locate) locators.set(frame.url, (locate = moduleLocator(frame.url)))
      return locate(frame.lineNumber)
    }
    const byAppFile = new Map<string, number>()
    const byModule = new Map<string, number>()
    const byFunction = new Map<string, number>()
    let totalMs = 0
    let idleMs = 0
    const samples = profile.samples ?? []
    const deltas = profile.timeDeltas ?? []
    samples.forEach((id, i) => {
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000
      const frame = nodes.get(id)
      if (!frame) return
      totalMs += ms
      if (frame.functionName === '(idle)') {
        idleMs += ms
        return
      }
      const module = moduleOf(frame)
      const onStack = new Set<string>()
      for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
        const caller = nodes.get(node)
        if (!caller) continue
        const file = moduleOf(caller)
        if (file.startsWith('src/')) onStack.add(file)
      }
      for (const file of onStack) byAppFile.set(file, (byAppFile.get(file) ?? 0) + ms)
      const group = groupOf(module)
      byModule.set(group, (byModule.get(group) ?? 0) + ms)
      const name = frame.url ? `${frame.functionName || '(anonymous)'} (${module}:${frame.lineNumber + 1})` : frame.functionName || '(anonymous)'
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    })
    return { totalMs: Math.round(totalMs), idleMs: Math.round(idleMs), modules: top(byModule, totalMs, count), functions: top(byFunction, totalMs, count), appFilesInclusive: top(byAppFile, totalMs, count), mainThreadMs }
  } finally {
    await cdp.detach()
  }
}
