import { describe, expect, it } from 'vitest'
import { contrastRatio, formatHex, hexToHsl, hslToHex, mixColors, parseHex, relativeLuminance } from '../../../../src/shared/design/color'

describe('hex colours', () => {
  it('parses either case and formats lower case, rounded and clamped', () => {
    expect(parseHex('#FF8000')).toEqual({ r: 255, g: 128, b: 0 })
    expect(formatHex({ r: 255, g: 127.6, b: 0 })).toBe('#ff8000')
    expect(formatHex({ r: 300, g: -5, b: 15 })).toBe('#ff000f')
  })

  it('refuses anything but #rrggbb', () => {
    for (const bad of ['#fff', 'ff8000', '#gg0000', 'red', '#ff80001']) expect(() => parseHex(bad)).toThrow(/#rrggbb/)
  })

  it('mixes towards the second colour', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080')
    expect(mixColors('#ff0000', '#0000ff', 0)).toBe('#ff0000')
    expect(mixColors('#ff0000', '#0000ff', 1)).toBe('#0000ff')
  })
})

describe('WCAG luminance and contrast', () => {
  it('matches the known values', () => {
    expect(relativeLuminance('#ffffff')).toBe(1)
    expect(relativeLuminance('#000000')).toBe(0)
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4)
    expect(contrastRatio('#000000', '#ffffff')).toBe(21)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#336699', '#336699')).toBe(1)
  })

  it('does not depend on which colour is the text', () => {
    expect(contrastRatio('#ffffff', '#0055aa')).toBe(contrastRatio('#0055aa', '#ffffff'))
  })
})

describe('HSL', () => {
  it('converts the primaries and greys', () => {
    expect(hexToHsl('#ff0000')).toEqual({ h: 0, s: 1, l: 0.5 })
    expect(hexToHsl('#00ff00').h).toBe(120)
    expect(hexToHsl('#808080')).toMatchObject({ h: 0, s: 0 })
    expect(hslToHex({ h: 240, s: 1, l: 0.5 })).toBe('#0000ff')
    expect(hslToHex({ h: 480, s: 1, l: 0.5 })).toBe('#00ff00')
    expect(hslToHex({ h: 0, s: 0, l: 1 })).toBe('#ffffff')
  })

  it('round-trips every colour', () => {
    for (const color of ['#ff8000', '#1a2b3c', '#c0ffee', '#7f7f7f', '#010203', '#fedcba', '#e91e63']) {
      expect(hslToHex(hexToHsl(color))).toBe(color)
    }
  })
})
