import type { LayerPatch } from './designDoc'
import { areaOnCanvas, layerBounds, safeBox, unionOfBoxes } from './layerBounds'
import { safeZoneOf } from './presets'
import type { Box, Design, Layer, TextLayer, TextRole } from './types'

// Alternative arrangements of a design's own layers by hierarchy and alignment rules (no model).
// Layers that move together form a unit: a group, or a text with the shape right behind it (a
// button). Backdrops (covering most of the canvas), locked layers, lines and other loose shapes
// stay where they are. A suggestion only moves layers and resizes them to fit (x, y, width,
// height, and align of lone text), and keeps every unit inside the safe zone when it fits there.

export interface LayoutSuggestion {
  name: string
  description: string
  patches: LayerPatch[]
}

/** Images and shapes covering this much of the canvas are the backdrop, never moved. */
const BACKDROP_SHARE = 0.8
/** Wider canvases get the text-left, pictures-right layout first. */
const WIDE_ASPECT = 1.6
/** Pictures are shrunk to make a stack fit, but not below this (it would no longer read). */
const MIN_IMAGE_SCALE = 0.35

const ROLE_RANK: Record<TextRole, number> = { headline: 0, subline: 1, body: 2, cta: 3 }

type Align = 'left' | 'center'

/** Layers moved as one; `lead` is the text that ranks it (or the image). */
interface Unit {
  members: Layer[]
  lead: Layer
  /** A lone unrotated text may be re-wrapped to a narrower box, a lone image scaled. */
  resizable: boolean
}

interface Layout {
  name: string
  description: string
  /** The units' layers in their new places, or null when the layers do not fit this way. */
  arrange: (context: LayoutContext) => Layer[][] | null
}

interface LayoutContext {
  safe: Box
  gap: number
  texts: Unit[]
  images: Unit[]
}

function isRotated(layer: Layer): boolean {
  return layer.rotation % 360 !== 0
}

function boundsOf(members: readonly Layer[]): Box {
  return unionOfBoxes(members.map(layerBounds))
}

function textRank(a: TextLayer, b: TextLayer): number {
  return ROLE_RANK[a.role] - ROLE_RANK[b.role] || b.fontSize - a.fontSize || a.y - b.y || (a.id < b.id ? -1 : 1)
}

function leadText(members: readonly Layer[]): TextLayer | undefined {
  return members.filter((layer): layer is TextLayer => layer.type === 'text').sort(textRank)[0]
}

/** Splits the movable layers into text units (hierarchy order) and picture units (top to bottom). */
function unitsOf(design: Design): { texts: Unit[]; images: Unit[] } {
  const canvasArea = design.canvas.width * design.canvas.height
  const isBackdrop = (layer: Layer): boolean => layer.type !== 'text' && areaOnCanvas(layerBounds(layer), design.canvas) >= BACKDROP_SHARE * canvasArea
  const loose = design.layers.filter((layer) => layer.groupId === null)
  const looseTexts = loose.filter((layer) => layer.type === 'text')
  // A loose rect or ellipse right behind exactly one loose text is that text's button or label.
  const attached = new Map<string, Layer[]>()
  for (const shape of loose) {
    if (shape.type !== 'shape' || shape.shape === 'line' || isBackdrop(shape)) continue
    const box = layerBounds(shape)
    const over = looseTexts.filter((text) => {
      const textBox = layerBounds(text)
      const [cx, cy] = [textBox.x + textBox.width / 2, textBox.y + textBox.height / 2]
      return design.layers.indexOf(text) > design.layers.indexOf(shape) && cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height
    })
    const [text] = over
    if (text && over.length === 1) attached.set(text.id, [...(attached.get(text.id) ?? []), shape])
  }
  const groups = new Map<string, Layer[]>()
  for (const layer of design.layers) if (layer.groupId !== null) groups.set(layer.groupId, [...(groups.get(layer.groupId) ?? []), layer])
  const candidates: Layer[][] = [
    ...groups.values(),
    ...looseTexts.map((text) => [...(attached.get(text.id) ?? []), text]),
    ...loose.filter((layer) => layer.type === 'image').map((image) => [image])
  ]
  const texts: Unit[] = []
  const images: Unit[] = []
  for (const members of candidates) {
    if (members.some((layer) => layer.locked || isBackdrop(layer))) continue
    const text = leadText(members)
    const image = members.find((layer) => layer.type === 'image')
    const lead = text ?? image
    if (!lead) continue
    const unit = { members, lead, resizable: members.length === 1 && !(lead.type === 'text' && isRotated(lead)) }
    if (text) texts.push(unit)
    else images.push(unit)
  }
  texts.sort((a, b) => textRank(a.lead as TextLayer, b.lead as TextLayer))
  images.sort((a, b) => boundsOf(a.members).y - boundsOf(b.members).y || boundsOf(a.members).x - boundsOf(b.members).x || (a.lead.id < b.lead.id ? -1 : 1))
  return { texts, images }
}

/** A lone image scaled by `factor` (whole pixels, rounded down so it only ever gets smaller). */
function scaled(layer: Layer, factor: number): Layer {
  return { ...layer, width: Math.floor(layer.width * factor), height: Math.floor(layer.height * factor) }
}

/** The unit's layers fitted to a column: lone text aligned and re-wrapped narrower (taller by as much), a lone image scaled down. */
function fitToWidth(unit: Unit, width: number, align: Align): Layer[] {
  const [only] = unit.members
  if (!unit.resizable || !only) return unit.members
  const box = layerBounds(only)
  if (only.type === 'image') return box.width > width ? [scaled(only, width / box.width)] : [only]
  if (only.type !== 'text') return [only]
  if (box.width <= width) return [{ ...only, align }]
  return [{ ...only, align, width, height: Math.ceil((only.height * only.width) / width) }]
}

/**
 * The shift that puts a span at `ideal` offset, in whole pixels, kept inside the first of the
 * areas that can hold it (the exact ideal when none can).
 */
function shiftWithin(ideal: number, start: number, size: number, areas: readonly { start: number; size: number }[]): number {
  for (const area of areas) {
    const min = Math.ceil(area.start - start - 1e-9)
    const max = Math.floor(area.start + area.size - start - size + 1e-9)
    if (min <= max) return Math.min(max, Math.max(min, Math.round(ideal)))
  }
  return ideal
}

function moved(members: readonly Layer[], dx: number, dy: number): Layer[] {
  return members.map((layer) => ({ ...layer, x: layer.x + dx, y: layer.y + dy }))
}

/**
 * Stacks units top to bottom in an area with even gaps: pictures shrink first, then the gaps,
 * when they are too tall; null when even that does not fit.
 */
function stack(units: readonly Unit[], area: Box, safe: Box, gap: number, horizontal: Align, vertical: 'top' | 'center' | 'bottom'): Layer[][] | null {
  let drafts = units.map((unit) => fitToWidth(unit, area.width, horizontal))
  const isScalable = (index: number): boolean => {
    const unit = units[index]
    return unit?.resizable === true && unit.lead.type === 'image'
  }
  const height = (members: readonly Layer[]): number => boundsOf(members).height
  const imageTotal = drafts.reduce((sum, members, index) => sum + (isScalable(index) ? height(members) : 0), 0)
  const fixedTotal = drafts.reduce((sum, members, index) => sum + (isScalable(index) ? 0 : height(members)), 0)
  const gaps = Math.max(0, drafts.length - 1)
  let spacing = gap
  if (fixedTotal + imageTotal + gaps * spacing > area.height) {
    const factor = imageTotal > 0 ? Math.max(MIN_IMAGE_SCALE, (area.height - fixedTotal - gaps * spacing) / imageTotal) : 1
    drafts = drafts.map((members, index) => (isScalable(index) ? members.map((layer) => scaled(layer, factor)) : members))
    const used = drafts.reduce((sum, members) => sum + height(members), 0)
    if (used > area.height) return null
    spacing = Math.min(spacing, gaps > 0 ? (area.height - used) / gaps : 0)
  }
  const total = drafts.reduce((sum, members) => sum + height(members), 0) + gaps * spacing
  let top = vertical === 'top' ? area.y : vertical === 'center' ? area.y + (area.height - total) / 2 : area.y + area.height - total
  return drafts.map((members) => {
    const box = boundsOf(members)
    const left = horizontal === 'left' ? area.x : area.x + (area.width - box.width) / 2
    const dx = shiftWithin(left - box.x, box.x, box.width, [
      { start: area.x, size: area.width },
      { start: safe.x, size: safe.width }
    ])
    const dy = shiftWithin(top - box.y, box.y, box.height, [
      { start: area.y, size: area.height },
      { start: safe.y, size: safe.height }
    ])
    top += box.height + spacing
    return moved(members, dx, dy)
  })
}

const CENTRED: Layout = {
  name: 'Centred stack',
  description: 'Pictures on top, then the text from headline to call to action, centred in the middle with even spacing.',
  arrange: ({ safe, gap, texts, images }) => stack([...images, ...texts], safe, safe, gap, 'center', 'center')
}

const LEFT_COLUMN: Layout = {
  name: 'Left-aligned column',
  description: 'Everything in one column along the left edge, from the headline down to the call to action.',
  arrange: ({ safe, gap, texts, images }) => stack([...images, ...texts], safe, safe, gap, 'left', 'center')
}

const TOP_AND_BOTTOM: Layout = {
  name: 'Headline top, call to action bottom',
  description: 'The headline at the top, the call to action at the bottom and pictures in the space between.',
  arrange: ({ safe, gap, texts, images }) => {
    const isTop = (unit: Unit): boolean => unit.lead.type === 'text' && ROLE_RANK[unit.lead.role] <= ROLE_RANK.subline
    const top = stack(texts.filter(isTop), safe, safe, gap, 'center', 'top')
    const bottom = stack(
      texts.filter((unit) => !isTop(unit)),
      safe,
      safe,
      gap,
      'center',
      'bottom'
    )
    if (!top?.length || !bottom?.length) return null
    const topEnd = boundsOf(top.flat()).y + boundsOf(top.flat()).height + gap
    const bottomStart = boundsOf(bottom.flat()).y - gap
    if (bottomStart < topEnd) return null
    if (images.length === 0) return [...top, ...bottom]
    const middle = stack(images, { x: safe.x, y: topEnd, width: safe.width, height: bottomStart - topEnd }, safe, gap, 'center', 'center')
    return middle && [...top, ...middle, ...bottom]
  }
}

const TEXT_LEFT_PICTURES_RIGHT: Layout = {
  name: 'Text left, pictures right',
  description: 'A left-aligned text column on the left half, pictures on the right half.',
  arrange: ({ safe, gap, texts, images }) => {
    const widestFixed = Math.max(0, ...texts.filter((unit) => !unit.resizable).map((unit) => boundsOf(unit.members).width))
    const textWidth = Math.min(safe.width, Math.max(Math.floor((safe.width - gap) / 2), Math.ceil(widestFixed)))
    const column = stack(texts, { ...safe, width: textWidth }, safe, gap, 'left', 'center')
    const pictureArea = { ...safe, x: safe.x + textWidth + gap, width: safe.width - textWidth - gap }
    if (!column) return null
    if (images.length === 0) return column
    const pictures = pictureArea.width > 0 ? stack(images, pictureArea, safe, gap, 'center', 'center') : null
    return pictures && [...column, ...pictures]
  }
}

/** The changed placement properties of each layer that moved or was resized, in the design's layer order. */
function patchesFor(design: Design, arranged: readonly Layer[][]): LayerPatch[] {
  const next = new Map(arranged.flat().map((layer) => [layer.id, layer]))
  const patches: LayerPatch[] = []
  for (const layer of design.layers) {
    const after = next.get(layer.id)
    if (!after) continue
    const changes: LayerPatch['changes'] = {}
    for (const key of ['x', 'y', 'width', 'height'] as const) if (after[key] !== layer[key]) changes[key] = after[key]
    if (after.type === 'text' && layer.type === 'text' && after.align !== layer.align) changes.align = after.align
    if (Object.keys(changes).length > 0) patches.push({ id: layer.id, changes })
  }
  return patches
}

/**
 * Up to `count` other arrangements of the design's layers (the same layers, only moved,
 * resized or realigned), best fitting first; arrangements the layers do not fit, or that change
 * nothing, are left out. The same design always gets the same suggestions.
 */
export function suggestLayouts(design: Design, count = 3): LayoutSuggestion[] {
  const { canvas } = design
  const safe = safeBox(canvas, safeZoneOf(canvas))
  const context: LayoutContext = { safe, gap: Math.min(48, Math.max(8, Math.round(Math.min(safe.width, safe.height) * 0.04))), ...unitsOf(design) }
  if (context.texts.length === 0 && context.images.length === 0) return []
  const layouts = canvas.width / canvas.height > WIDE_ASPECT ? [TEXT_LEFT_PICTURES_RIGHT, LEFT_COLUMN, CENTRED, TOP_AND_BOTTOM] : [CENTRED, LEFT_COLUMN, TOP_AND_BOTTOM]
  const suggestions: LayoutSuggestion[] = []
  for (const layout of layouts) {
    if (suggestions.length >= count) break
    const arranged = layout.arrange(context)
    const patches = arranged ? patchesFor(design, arranged) : []
    if (patches.length > 0) suggestions.push({ name: layout.name, description: layout.description, patches })
  }
  return suggestions
}
