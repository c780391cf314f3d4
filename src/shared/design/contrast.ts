import { contrastRatio, hexToHsl, hslToHex, mixColors } from './color'
import { boxContains, boxesIntersect, layerBounds } from './layerBounds'
import type { Background, Box, Color, Design, Layer, ShapeLayer, TextLayer } from './types'

export type ContrastLevel = 'AAA' | 'AA' | 'fail'
export type ContrastTarget = Exclude<ContrastLevel, 'fail'>

/** WCAG 2.x minimum ratios: large text needs less because its strokes are thicker. */
const REQUIRED_RATIO: Record<ContrastTarget, { normal: number; large: number }> = {
  AA: { normal: 4.5, large: 3 },
  AAA: { normal: 7, large: 4.5 }
}

/** WCAG's large text (18 pt, or 14 pt bold) in canvas px, which export 1:1 to image px. */
export function isLargeText({ fontSize, fontWeight }: Pick<TextLayer, 'fontSize' | 'fontWeight'>): boolean {
  return fontSize >= 24 || (fontSize >= 18.66 && fontWeight === 700)
}

/** The ratio text of that size needs to reach a WCAG level. */
export function requiredRatio(target: ContrastTarget, largeText: boolean): number {
  return largeText ? REQUIRED_RATIO[target].large : REQUIRED_RATIO[target].normal
}

/** The WCAG level a contrast ratio reaches for normal or large text. */
export function contrastLevel(ratio: number, largeText: boolean): ContrastLevel {
  if (ratio >= requiredRatio('AAA', largeText)) return 'AAA'
  return ratio >= requiredRatio('AA', largeText) ? 'AA' : 'fail'
}

/** What is drawn behind a layer, as far as flat colours tell. */
export interface Backdrop {
  /** Every flat colour that may show behind some part of the layer. */
  colors: Color[]
  /** An image shows behind part of it, so its contrast cannot be known from colours. */
  overImage: boolean
}

function backgroundColors(background: Background): Color[] {
  // A gradient's worst case is at one of its ends.
  return background.kind === 'solid' ? [background.color] : [background.from, background.to]
}

/** Whether `layer` is drawn before `other` (the order readDesign sorts layers in). */
function drawnBefore(layer: Layer, other: Layer): boolean {
  return layer.z < other.z || (layer.z === other.z && layer.id < other.id)
}

/** Whether an unrotated rect or ellipse hides all of a box (rounded corners and curves counted). */
function coversBox(shape: ShapeLayer, box: Box): boolean {
  if (shape.rotation % 360 !== 0) return false
  if (shape.shape === 'ellipse') {
    const rx = shape.width / 2
    const ry = shape.height / 2
    const corners = [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x, box.y + box.height],
      [box.x + box.width, box.y + box.height]
    ]
    return rx > 0 && ry > 0 && corners.every(([px = 0, py = 0]) => ((px - shape.x - rx) / rx) ** 2 + ((py - shape.y - ry) / ry) ** 2 <= 1)
  }
  // A rounded corner leaves the corner square's diagonal uncovered up to r·(1 − 1/√2) in.
  const inset = Math.min(shape.cornerRadius, shape.width / 2, shape.height / 2) * (1 - Math.SQRT1_2)
  return boxContains({ x: shape.x + inset, y: shape.y + inset, width: shape.width - 2 * inset, height: shape.height - 2 * inset }, box)
}

/**
 * The colours behind a layer: the canvas background, then each rect or ellipse below it that
 * overlaps it, painted bottom to top (one that hides the whole layer replaces what was there;
 * a translucent one is blended over it). Lines and text below are too thin to count.
 */
export function backdropColors(design: Design, layer: Layer): Backdrop {
  const box = layerBounds(layer)
  let colors = backgroundColors(design.canvas.background)
  let overImage = false
  for (const below of design.layers) {
    if (!drawnBefore(below, layer) || below.opacity === 0 || !boxesIntersect(layerBounds(below), box)) continue
    if (below.type === 'image') overImage = true
    if (below.type !== 'shape' || below.shape === 'line') continue
    const painted = below.opacity === 1 ? [below.fill] : colors.map((color) => mixColors(color, below.fill, below.opacity))
    const hidesAll = coversBox(below, box)
    if (hidesAll && below.opacity === 1) overImage = false
    colors = [...new Set(hidesAll ? painted : [...colors, ...painted])]
  }
  return { colors, overImage }
}

/** The lowest contrast of a colour against any of the backdrop colours (Infinity with none). */
export function worstContrast(color: Color, backdrop: readonly Color[]): number {
  return Math.min(...backdrop.map((behind) => contrastRatio(color, behind)))
}

export interface ContrastCheck {
  /** The worst ratio of the text colour over its backdrop colours. */
  ratio: number
  level: ContrastLevel
  /** The level the checks ask for. */
  required: 'AA'
  /** The ratio that level needs at this text size. */
  needed: number
  largeText: boolean
  backdrop: Color[]
  /** An image is behind part of the text: `ratio` only covers the flat colours. */
  overImage: boolean
}

/** How a text layer's colour contrasts with what is behind it (its own opacity is not counted). */
export function checkContrast(design: Design, layer: TextLayer): ContrastCheck {
  const { colors, overImage } = backdropColors(design, layer)
  const largeText = isLargeText(layer)
  const ratio = worstContrast(layer.fill, colors)
  return { ratio, level: contrastLevel(ratio, largeText), required: 'AA', needed: requiredRatio('AA', largeText), largeText, backdrop: colors, overImage }
}

const LIGHTNESS_STEPS = 500

/** The first lightness from `fill`'s in one direction that meets `needed`, with how many steps away it is. */
function nearestInDirection(fill: Color, backdrops: readonly Color[], needed: number, direction: 1 | -1): { color: Color; steps: number } | null {
  const { h, s, l } = hexToHsl(fill)
  for (let steps = 1; steps <= LIGHTNESS_STEPS; steps++) {
    const lightness = l + (direction * steps) / LIGHTNESS_STEPS
    if (lightness < 0 || lightness > 1) break
    const color = hslToHex({ h, s, l: lightness })
    if (worstContrast(color, backdrops) >= needed) return { color, steps }
  }
  return null
}

/**
 * The colour closest to `fill` (same hue and saturation, only lighter or darker) that meets the
 * target against every backdrop colour; black or white, whichever contrasts more, when no
 * lightness does (a backdrop from dark to light). `fill` itself when it already meets it.
 */
export function fixContrast(fill: Color, backdrops: readonly Color[], target: ContrastTarget = 'AA', largeText = false): Color {
  const needed = requiredRatio(target, largeText)
  if (worstContrast(fill, backdrops) >= needed) return fill
  const found = [nearestInDirection(fill, backdrops, needed, 1), nearestInDirection(fill, backdrops, needed, -1)]
    .filter((candidate) => candidate !== null)
    .sort((a, b) => a.steps - b.steps || worstContrast(b.color, backdrops) - worstContrast(a.color, backdrops))
  if (found[0]) return found[0].color
  return worstContrast('#000000', backdrops) >= worstContrast('#ffffff', backdrops) ? '#000000' : '#ffffff'
}
