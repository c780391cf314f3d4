import { checkContrast, fixContrast } from './contrast'
import { boxContains, layerBounds, safeBox } from './layerBounds'
import { presetById, safeZoneOf } from './presets'
import type { Design, ImageLayer, Layer, TextLayer } from './types'

// Checks a design needs no model for. Messages are whole sentences for the person making the
// design: what is wrong, in their words, and what to do about it.

export type DesignIssueKind = 'contrast' | 'overflow' | 'safe-zone' | 'low-resolution'

export interface DesignIssue {
  kind: DesignIssueKind
  layerId: string
  message: string
  severity: 'warning' | 'error'
}

/** Export at the canvas size or at twice it (for sharp results on high-density screens). */
export type ExportScale = 1 | 2

/** Measures a text layer's wrapped text height in canvas px (needs a canvas, so the caller brings it). */
export type MeasureTextHeight = (layer: TextLayer) => number

/** Text taller than its box by more than this is cut off (less is rounding). */
const OVERFLOW_TOLERANCE_PX = 1
/** How much of a layer's name or text a message quotes. */
const LABEL_CHARS = 40

/** How a message names a layer: its name in the layers list, else the start of its text. */
function label(layer: Layer): string {
  const words = (layer.name.trim() || (layer.type === 'text' ? layer.text.trim().replace(/\s+/g, ' ') : '')).trim()
  if (!words) return layer.type === 'image' ? 'An image' : 'A layer'
  return `“${words.length > LABEL_CHARS ? `${words.slice(0, LABEL_CHARS - 1)}…` : words}”`
}

/** Text layers a viewer can see (with text, not fully transparent). */
function visibleTexts(design: Design): TextLayer[] {
  return design.layers.filter((layer): layer is TextLayer => layer.type === 'text' && layer.opacity > 0 && layer.text.trim() !== '')
}

/** A ratio as contrast checkers show it (two decimals), kept below `needed` when it fails (4.499 is not "4.5:1"). */
function formatRatio(ratio: number, needed = Infinity): string {
  const hundredths = Math.round(ratio * 100)
  const shown = ratio < needed ? Math.min(hundredths, Math.round(needed * 100) - 1) : hundredths
  return `${shown / 100}:1`
}

/**
 * Text below WCAG AA against the colours behind it (an error, with a colour that would pass).
 * Text over an image cannot be measured: that is a warning asking the person to look.
 */
export function contrastIssues(design: Design): DesignIssue[] {
  return visibleTexts(design).flatMap((layer): DesignIssue[] => {
    const check = checkContrast(design, layer)
    if (check.level === 'fail') {
      const better = fixContrast(layer.fill, check.backdrop, 'AA', check.largeText)
      const message = `${label(layer)} is hard to read: its contrast with what is behind it is ${formatRatio(check.ratio, check.needed)} and needs to be at least ${formatRatio(check.needed)}. Change the text colour to ${better}, or change what is behind it.`
      return [{ kind: 'contrast', layerId: layer.id, severity: 'error', message }]
    }
    if (check.overImage) {
      const message = `${label(layer)} is over an image, so its contrast cannot be checked. Make sure it stands out everywhere, for example with a solid shape behind the text.`
      return [{ kind: 'contrast', layerId: layer.id, severity: 'warning', message }]
    }
    return []
  })
}

/** Text taller than its box, which the canvas and the export cut off. */
export function overflowIssues(design: Design, measureTextHeight: MeasureTextHeight): DesignIssue[] {
  return visibleTexts(design)
    .filter((layer) => measureTextHeight(layer) > layer.height + OVERFLOW_TOLERANCE_PX)
    .map((layer) => ({
      kind: 'overflow',
      layerId: layer.id,
      severity: 'error',
      message: `The text of ${label(layer)} does not fit its box, so the end is cut off. Make the box taller, shorten the text or use a smaller font size.`
    }))
}

/**
 * Text reaching outside the safe zone (its rotated box's bounds), where the platform may crop
 * it or draw over it: an error for a headline or call to action, a warning for other text.
 */
export function safeZoneIssues(design: Design): DesignIssue[] {
  const { canvas } = design
  const safe = safeBox(canvas, safeZoneOf(canvas))
  const preset = presetById(canvas.presetId)
  const platform = preset && preset.width === canvas.width && preset.height === canvas.height ? preset.name : null
  return visibleTexts(design)
    .filter((layer) => !boxContains(safe, layerBounds(layer)))
    .map((layer) => ({
      kind: 'safe-zone',
      layerId: layer.id,
      severity: layer.role === 'headline' || layer.role === 'cta' ? 'error' : 'warning',
      message: platform
        ? `${label(layer)} reaches into the edge area where ${platform} may crop it or cover it with its own buttons. Move it further in from the edges.`
        : `${label(layer)} is too close to the edge and may be cropped on some screens. Move it further in from the edges.`
    }))
}

/** How many source pixels an image has per exported pixel (below 1 it is blown up). */
export function imagePixelRatio(layer: Pick<ImageLayer, 'naturalWidth' | 'naturalHeight' | 'width' | 'height'>, scale: ExportScale): number {
  return Math.min(layer.naturalWidth / (layer.width * scale), layer.naturalHeight / (layer.height * scale))
}

/** Images drawn larger than their source at the export scale: a warning, an error below half (clearly blurry). */
export function lowResolutionIssues(design: Design, scale: ExportScale): DesignIssue[] {
  return design.layers
    .filter((layer): layer is ImageLayer => layer.type === 'image' && layer.opacity > 0 && layer.width > 0 && layer.height > 0)
    .flatMap((layer): DesignIssue[] => {
      const ratio = imagePixelRatio(layer, scale)
      if (ratio >= 1) return []
      const needed = `${Math.ceil(layer.width * scale)} × ${Math.ceil(layer.height * scale)} px`
      const message = `${label(layer)} is shown larger than the picture itself (a ${scale}× export needs ${needed}, the picture has ${layer.naturalWidth} × ${layer.naturalHeight} px), so it will look blurry. Use a larger picture or make it smaller on the canvas.`
      return [{ kind: 'low-resolution', layerId: layer.id, severity: ratio < 0.5 ? 'error' : 'warning', message }]
    })
}

export interface CheckOptions {
  measureTextHeight: MeasureTextHeight
  scale: ExportScale
}

/** Every check; errors first, then in the layers list's order (top of the stack first). */
export function runChecks(design: Design, { measureTextHeight, scale }: CheckOptions): DesignIssue[] {
  const stackIndex = new Map(design.layers.map((layer, index) => [layer.id, index]))
  const issues = [...contrastIssues(design), ...overflowIssues(design, measureTextHeight), ...safeZoneIssues(design), ...lowResolutionIssues(design, scale)]
  const severityOrder = (issue: DesignIssue): number => (issue.severity === 'error' ? 0 : 1)
  return issues.sort((a, b) => severityOrder(a) - severityOrder(b) || (stackIndex.get(b.layerId) ?? 0) - (stackIndex.get(a.layerId) ?? 0))
}
