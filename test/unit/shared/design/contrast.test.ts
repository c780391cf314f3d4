import { describe, expect, it } from 'vitest'
import { contrastRatio, hexToHsl, hslToHex } from '../../../../src/shared/design/color'
import { backdropColors, type Backdrop, checkContrast, contrastLevel, fixContrast, isLargeText, worstContrast } from '../../../../src/shared/design/contrast'
import type { Layer } from '../../../../src/shared/design/types'
import { design, imageLayer, shapeLayer, textLayer } from './designFixtures'

describe('contrastLevel', () => {
  it('uses the WCAG thresholds for normal and large text', () => {
    expect(contrastLevel(4.48, false)).toBe('fail')
    expect(contrastLevel(4.48, true)).toBe('AA')
    expect(contrastLevel(4.5, false)).toBe('AA')
    expect(contrastLevel(4.5, true)).toBe('AAA')
    expect(contrastLevel(7, false)).toBe('AAA')
    expect(contrastLevel(2.9, true)).toBe('fail')
  })

  it('counts 24 px, or 18.66 px bold, as large', () => {
    expect(isLargeText({ fontSize: 24, fontWeight: 400 })).toBe(true)
    expect(isLargeText({ fontSize: 23, fontWeight: 400 })).toBe(false)
    expect(isLargeText({ fontSize: 19, fontWeight: 700 })).toBe(true)
    expect(isLargeText({ fontSize: 18, fontWeight: 700 })).toBe(false)
  })
})

describe('checkContrast', () => {
  it('fails #777777 on white for body text and passes it for a large headline', () => {
    const grey = textLayer('t', { fill: '#777777' })
    const small = checkContrast(design([grey]), grey)
    expect(small).toMatchObject({ level: 'fail', required: 'AA', needed: 4.5, backdrop: ['#ffffff'], overImage: false })
    expect(small.ratio).toBeCloseTo(4.48, 2)
    const large = { ...grey, fontSize: 32 }
    expect(checkContrast(design([large]), large)).toMatchObject({ level: 'AA', needed: 3 })
  })

  it('takes the worse end of a gradient background', () => {
    const white = textLayer('t', { fill: '#ffffff' })
    const check = checkContrast(design([white], { background: { kind: 'linear', from: '#000000', to: '#ffeeaa', angle: 90 } }), white)
    expect(check.backdrop).toEqual(['#000000', '#ffeeaa'])
    expect(check.level).toBe('fail')
    expect(check.ratio).toBeCloseTo(contrastRatio('#ffffff', '#ffeeaa'), 6)
  })
})

describe('backdropColors', () => {
  const text = textLayer('t', { x: 100, y: 100, width: 300, height: 60 })
  /** The backdrop of the top layer (design() numbers z bottom to top). */
  const backdropOfTop = (layers: Layer[]): Backdrop => {
    const built = design(layers)
    return backdropColors(built, built.layers.at(-1)!)
  }

  it('lets a shape that hides the whole text replace the background', () => {
    const card = shapeLayer('card', { x: 50, y: 50, width: 500, height: 200, fill: '#112233' })
    expect(backdropOfTop([card, text])).toEqual({ colors: ['#112233'], overImage: false })
  })

  it('adds a shape that covers part of the text to the background', () => {
    const half = shapeLayer('half', { x: 250, y: 0, width: 400, height: 400, fill: '#112233' })
    expect(backdropOfTop([half, text]).colors).toEqual(['#ffffff', '#112233'])
  })

  it('ignores lines, shapes elsewhere and shapes drawn over the text', () => {
    const line = shapeLayer('line', { shape: 'line', x: 0, y: 0, width: 1000, height: 1000 })
    const elsewhere = shapeLayer('far', { x: 700, y: 700 })
    const above = shapeLayer('above', { x: 0, y: 0, width: 1080, height: 1080 })
    expect(backdropColors(design([line, elsewhere, text, above]), { ...text, z: 2 }).colors).toEqual(['#ffffff'])
  })

  it('counts a rounded corner or an ellipse edge behind the text as not covering it', () => {
    const rounded = shapeLayer('rounded', { x: 100, y: 100, width: 300, height: 60, cornerRadius: 30, fill: '#112233' })
    expect(backdropOfTop([rounded, text]).colors).toEqual(['#ffffff', '#112233'])
    const ellipse = shapeLayer('ellipse', { shape: 'ellipse', x: 0, y: -200, width: 500, height: 460, fill: '#112233' })
    expect(backdropOfTop([ellipse, text]).colors).toEqual(['#112233'])
  })

  it('blends a translucent shape over what is behind it', () => {
    const veil = shapeLayer('veil', { x: 0, y: 0, width: 1080, height: 1080, fill: '#000000', opacity: 0.5 })
    expect(backdropOfTop([veil, text]).colors).toEqual(['#808080'])
  })

  it('flags an image behind the text unless an opaque shape hides it', () => {
    const photo = imageLayer('photo', { x: 0, y: 0, width: 1080, height: 1080 })
    expect(backdropOfTop([photo, text]).overImage).toBe(true)
    const panel = shapeLayer('panel', { x: 80, y: 80, width: 400, height: 120, fill: '#ffffff' })
    expect(backdropOfTop([photo, panel, text])).toEqual({ colors: ['#ffffff'], overImage: false })
  })
})

describe('fixContrast', () => {
  it('darkens an orange just enough to pass AA on white, keeping its hue', () => {
    const fixed = fixContrast('#ff8800', ['#ffffff'])
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    const before = hexToHsl('#ff8800')
    const after = hexToHsl(fixed)
    expect(Math.abs(after.h - before.h)).toBeLessThan(3)
    expect(after.l).toBeLessThan(before.l)
    // A little lighter would no longer pass: it is the nearest colour that does.
    expect(contrastRatio(hslToHex({ ...after, l: after.l + 0.01 }), '#ffffff')).toBeLessThan(4.5)
  })

  it('lightens text on a dark backdrop', () => {
    const fixed = fixContrast('#2255aa', ['#101820'])
    expect(contrastRatio(fixed, '#101820')).toBeGreaterThanOrEqual(4.5)
    expect(hexToHsl(fixed).l).toBeGreaterThan(hexToHsl('#2255aa').l)
  })

  it('keeps a colour that already passes, and uses the large-text threshold when asked', () => {
    expect(fixContrast('#333333', ['#ffffff'])).toBe('#333333')
    expect(fixContrast('#777777', ['#ffffff'], 'AA', true)).toBe('#777777')
  })

  it('finds a grey that passes AA on both ends of a black-to-white gradient', () => {
    expect(worstContrast(fixContrast('#3366cc', ['#000000', '#ffffff']), ['#000000', '#ffffff'])).toBeGreaterThanOrEqual(4.5)
  })

  it('falls back to the better of black and white when nothing meets the target', () => {
    expect(fixContrast('#3366cc', ['#000000', '#777777'], 'AAA')).toBe('#ffffff')
  })
})
