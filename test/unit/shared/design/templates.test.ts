import { describe, expect, it } from 'vitest'
import { DESIGN_PRESETS, presetById, safeZoneOf } from '../../../../src/shared/design/presets'
import { wrapText } from '../../../../src/shared/design/svgExport'
import { DESIGN_TEMPLATES, templateById } from '../../../../src/shared/design/templates'
import { CanvasSchema, LayerSchema, type Box, type Canvas, type Layer, type TextLayer } from '../../../../src/shared/design/types'

function counterIds(): () => string {
  let next = 0
  return () => `layer-${++next}`
}

/** WCAG relative luminance of #rrggbb. */
function luminance(color: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(color.slice(offset, offset + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

function mix(from: string, to: string, share: number): string {
  const channel = (offset: number): string => {
    const start = parseInt(from.slice(offset, offset + 2), 16)
    const end = parseInt(to.slice(offset, offset + 2), 16)
    return Math.round(start + (end - start) * share)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(1)}${channel(3)}${channel(5)}`
}

/** The axis-aligned bounds of a layer's box after rotating it around its top-left corner. */
function bounds(layer: Layer): Box {
  const radians = (layer.rotation * Math.PI) / 180
  const corners = [
    [0, 0],
    [layer.width, 0],
    [0, layer.height],
    [layer.width, layer.height]
  ].map(([dx, dy]) => [layer.x + dx! * Math.cos(radians) - dy! * Math.sin(radians), layer.y + dx! * Math.sin(radians) + dy! * Math.cos(radians)])
  const xs = corners.map(([x]) => x!)
  const ys = corners.map(([, y]) => y!)
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
}

/**
 * The colours behind a text layer: the topmost shape below it that overlaps it must be an opaque,
 * unrotated rect holding the whole text box; with none, the canvas background (sampled along a gradient).
 */
function backdropColors(text: TextLayer, layers: readonly Layer[], canvas: Canvas): string[] {
  const below = layers.filter((layer) => layer.type === 'shape' && layer.z < text.z && overlaps(bounds(layer), text))
  const top = below.sort((a, b) => b.z - a.z)[0]
  if (top) {
    expect(top.type === 'shape' && top.shape === 'rect' && top.opacity === 1 && top.rotation === 0, `${text.name} sits on ${top.name}`).toBe(true)
    expect(contains(top, text), `${text.name} inside ${top.name}`).toBe(true)
    return top.type === 'shape' ? [top.fill] : []
  }
  const { background } = canvas
  if (background.kind === 'solid') return [background.color]
  return [0, 0.25, 0.5, 0.75, 1].map((share) => mix(background.from, background.to, share))
}

/** WCAG large text: 18 pt (24 px), or 14 pt (about 18.66 px) bold. */
function minimumContrast(text: TextLayer): number {
  return text.fontSize >= 24 || (text.fontWeight === 700 && text.fontSize >= 18.66) ? 3 : 4.5
}

describe('DESIGN_TEMPLATES', () => {
  it('offers at least 8 templates with distinct ids, covering every preset', () => {
    expect(DESIGN_TEMPLATES.length).toBeGreaterThanOrEqual(8)
    expect(new Set(DESIGN_TEMPLATES.map((template) => template.id)).size).toBe(DESIGN_TEMPLATES.length)
    for (const preset of DESIGN_PRESETS) expect(DESIGN_TEMPLATES.some((template) => template.presetId === preset.id), preset.id).toBe(true)
    expect(templateById('quote-card')?.name).toBe('Quote card')
    expect(templateById('missing')).toBeUndefined()
  })

  it.each(DESIGN_TEMPLATES.map((template) => [template.id, template] as const))('%s builds a valid design', (_id, template) => {
    const { canvas, layers } = template.build(counterIds())
    expect(CanvasSchema.parse(canvas)).toEqual(canvas)
    const preset = presetById(template.presetId)!
    expect([canvas.width, canvas.height, canvas.presetId]).toEqual([preset.width, preset.height, preset.id])
    for (const layer of layers) expect(LayerSchema.safeParse(layer).success, layer.name).toBe(true)
    expect(layers.filter((layer) => layer.type === 'text').map((layer) => layer.role)).toContain('headline')
    expect(layers.some((layer) => layer.type === 'shape')).toBe(true)
  })

  it.each(DESIGN_TEMPLATES.map((template) => [template.id, template] as const))('%s takes every layer id from ids()', (_id, template) => {
    const ids = counterIds()
    const first = template.build(ids).layers.map((layer) => layer.id)
    const second = template.build(ids).layers.map((layer) => layer.id)
    expect(new Set([...first, ...second]).size).toBe(first.length * 2)
    expect(first).toEqual(first.map((_, index) => `layer-${index + 1}`))
  })

  it.each(DESIGN_TEMPLATES.map((template) => [template.id, template] as const))('%s keeps its text inside the safe zone and its box', (_id, template) => {
    const { canvas, layers } = template.build(counterIds())
    const zone = safeZoneOf(canvas)
    const safe = { x: zone.left, y: zone.top, width: canvas.width - zone.left - zone.right, height: canvas.height - zone.top - zone.bottom }
    for (const layer of layers) {
      if (layer.type !== 'text') continue
      expect(contains(safe, bounds(layer)), layer.name).toBe(true)
      const lines = wrapText(layer.text, layer, layer.width).length
      expect(lines * layer.fontSize * layer.lineHeight, `${layer.name} height`).toBeLessThanOrEqual(layer.height)
    }
  })

  it.each(DESIGN_TEMPLATES.map((template) => [template.id, template] as const))('%s reaches WCAG AA contrast for every text', (_id, template) => {
    const { canvas, layers } = template.build(counterIds())
    for (const layer of layers) {
      if (layer.type !== 'text') continue
      for (const backdrop of backdropColors(layer, layers, canvas)) {
        expect(contrast(layer.fill, backdrop), `${layer.name} on ${backdrop}`).toBeGreaterThanOrEqual(minimumContrast(layer))
      }
    }
  })
})
