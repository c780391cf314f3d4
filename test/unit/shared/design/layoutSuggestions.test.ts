import { describe, expect, it } from 'vitest'
import { layerBounds, safeBox } from '../../../../src/shared/design/layerBounds'
import { suggestLayouts } from '../../../../src/shared/design/layoutSuggestions'
import { safeZoneOf } from '../../../../src/shared/design/presets'
import { LayerSchema, type Box, type Design, type Layer } from '../../../../src/shared/design/types'
import { applyPatches, design, imageLayer, shapeLayer, textLayer } from './designFixtures'

/** An Instagram post: a full-bleed photo, a logo, headline, subline and a call to action on a button. */
function post(): Design {
  return design([
    imageLayer('backdrop', { x: 0, y: 0, width: 1080, height: 1080 }),
    imageLayer('logo', { x: 80, y: 80, width: 200, height: 100, naturalWidth: 400, naturalHeight: 200 }),
    shapeLayer('button', { x: 600, y: 850, width: 360, height: 100, fill: '#e63946', cornerRadius: 16 }),
    textLayer('cta', { role: 'cta', x: 620, y: 870, width: 320, height: 60, fontSize: 36, fill: '#ffffff', align: 'center' }),
    textLayer('subline', { role: 'subline', x: 100, y: 700, width: 700, height: 80, fontSize: 32 }),
    textLayer('headline', { role: 'headline', x: 100, y: 500, width: 800, height: 160, fontSize: 72 })
  ])
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
}

function byId(layers: readonly Layer[], id: string): Layer {
  return layers.find((layer) => layer.id === id)!
}

describe('suggestLayouts', () => {
  it('offers three arrangements of the same layers, only moved, resized or realigned', () => {
    const original = post()
    const suggestions = suggestLayouts(original)
    expect(suggestions.map((suggestion) => suggestion.name)).toEqual(['Centred stack', 'Left-aligned column', 'Headline top, call to action bottom'])
    const ids = new Set(original.layers.map((layer) => layer.id))
    for (const { patches } of suggestions) {
      for (const { id, changes } of patches) {
        expect(ids.has(id)).toBe(true)
        for (const key of Object.keys(changes)) expect(['x', 'y', 'width', 'height', 'align']).toContain(key)
      }
      const after = applyPatches(original, patches)
      expect(after.map((layer) => layer.id)).toEqual(original.layers.map((layer) => layer.id))
      for (const layer of after) expect(LayerSchema.safeParse(layer).success).toBe(true)
    }
  })

  it('keeps every layer that fitted the safe zone inside it', () => {
    const original = post()
    const safe = safeBox(original.canvas, safeZoneOf(original.canvas))
    for (const { name, patches } of suggestLayouts(original)) {
      for (const layer of applyPatches(original, patches)) {
        if (layer.id !== 'backdrop') expect(inside(safe, layerBounds(layer)), `${name}: ${layer.id}`).toBe(true)
      }
    }
  })

  it('leaves the backdrop alone and moves the button with its text', () => {
    const original = post()
    for (const { patches } of suggestLayouts(original)) {
      expect(patches.find((patch) => patch.id === 'backdrop')).toBeUndefined()
      const after = applyPatches(original, patches)
      const [button, cta] = [byId(after, 'button'), byId(after, 'cta')]
      expect([cta.x - button.x, cta.y - button.y]).toEqual([20, 20])
    }
  })

  it('stacks by hierarchy with even spacing in the centred layout', () => {
    const original = post()
    const centred = suggestLayouts(original)[0]!
    const after = applyPatches(original, centred.patches)
    const order = ['logo', 'headline', 'subline', 'button'].map((id) => layerBounds(byId(after, id)))
    const gaps = order.slice(1).map((box, index) => box.y - (order[index]!.y + order[index]!.height))
    expect(new Set(gaps).size).toBe(1)
    expect(gaps[0]).toBeGreaterThan(0)
    for (const box of order) expect(Math.abs(box.x + box.width / 2 - 540)).toBeLessThanOrEqual(1)
    expect(byId(after, 'headline')).toMatchObject({ align: 'center' })
  })

  it('puts the text left and the pictures right on a wide canvas', () => {
    const wide = design(
      [
        textLayer('headline', { role: 'headline', x: 500, y: 100, width: 900, height: 90, fontSize: 64 }),
        textLayer('cta', { role: 'cta', x: 500, y: 300, width: 300, height: 50, fontSize: 28 }),
        imageLayer('product', { x: 100, y: 80, width: 300, height: 300 })
      ],
      { width: 1500, height: 500, presetId: 'x-header' }
    )
    const [first] = suggestLayouts(wide)
    expect(first?.name).toBe('Text left, pictures right')
    const after = applyPatches(wide, first!.patches)
    const middle = 750
    expect(layerBounds(byId(after, 'headline')).x + layerBounds(byId(after, 'headline')).width).toBeLessThanOrEqual(middle)
    expect(byId(after, 'headline')).toMatchObject({ x: 60, align: 'left', width: 682 })
    // Re-wrapped narrower (900 → 682 px), it gets taller by as much (90 → 119 px).
    expect(byId(after, 'headline').height).toBe(119)
    expect(layerBounds(byId(after, 'product')).x).toBeGreaterThan(middle)
  })

  it('never moves locked layers and gives nothing when nothing can move', () => {
    const original = post()
    original.layers = original.layers.map((layer) => (layer.id === 'logo' ? { ...layer, locked: true } : layer))
    for (const { patches } of suggestLayouts(original)) expect(patches.find((patch) => patch.id === 'logo')).toBeUndefined()
    expect(suggestLayouts(design([shapeLayer('line', { shape: 'line' }), imageLayer('photo', { x: 0, y: 0, width: 1080, height: 1080 })]))).toEqual([])
  })

  it('is the same every time and honours the count', () => {
    expect(suggestLayouts(post())).toEqual(suggestLayouts(post()))
    expect(suggestLayouts(post(), 1)).toHaveLength(1)
  })
})
