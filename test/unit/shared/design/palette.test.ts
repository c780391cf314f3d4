import { describe, expect, it } from 'vitest'
import { contrastRatio, relativeLuminance } from '../../../../src/shared/design/color'
import { fallbackMoodPalette, paletteFromPixels, paletteRoles, parseMoodPalette } from '../../../../src/shared/design/palette'

/** An RGBA image made of runs of one colour: [[r, g, b, a], pixel count] each. */
function image(runs: [[number, number, number, number], number][]): Uint8ClampedArray {
  const pixels = runs.flatMap(([rgba, count]) => Array.from({ length: count }, () => rgba))
  return new Uint8ClampedArray(pixels.flat())
}

describe('paletteFromPixels', () => {
  it('finds the two colours of a two-colour image, the more common first', () => {
    const rgba = image([
      [[0, 51, 170, 255], 300],
      [[204, 0, 0, 255], 700]
    ])
    expect(paletteFromPixels(rgba)).toEqual(['#cc0000', '#0033aa'])
  })

  it('skips pixels that are mostly transparent', () => {
    const rgba = image([
      [[0, 255, 0, 40], 5000],
      [[255, 255, 255, 200], 10],
      [[0, 0, 0, 255], 20]
    ])
    expect(paletteFromPixels(rgba)).toEqual(['#000000', '#ffffff'])
  })

  it('throws a clear error for an empty or fully transparent image', () => {
    expect(() => paletteFromPixels(new Uint8ClampedArray(0))).toThrow(/no visible pixels/)
    expect(() => paletteFromPixels(image([[[255, 0, 0, 0], 100]]))).toThrow(/no visible pixels/)
  })

  it('gives at most the count asked for, and distinct colours', () => {
    const rgba = image([
      [[255, 0, 0, 255], 400],
      [[0, 255, 0, 255], 300],
      [[0, 0, 255, 255], 200],
      [[255, 255, 0, 255], 100]
    ])
    expect(paletteFromPixels(rgba, 4)).toEqual(['#ff0000', '#00ff00', '#0000ff', '#ffff00'])
    const two = paletteFromPixels(rgba, 2)
    expect(two).toHaveLength(2)
    expect(new Set(two).size).toBe(2)
  })

  it('samples a large photo-sized image quickly and the same way every time', () => {
    const width = 2000
    const height = 1500
    const rgba = new Uint8ClampedArray(width * height * 4)
    for (let pixel = 0; pixel < width * height; pixel++) {
      const x = pixel % width
      rgba.set([Math.floor((x / width) * 255), 80, 255 - Math.floor((x / width) * 255), 255], pixel * 4)
    }
    const started = performance.now()
    const palette = paletteFromPixels(rgba)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(palette).toHaveLength(5)
    expect(new Set(palette).size).toBe(5)
    expect(paletteFromPixels(rgba)).toEqual(palette)
  })
})

describe('parseMoodPalette', () => {
  it('reads the JSON from fences and prose, lower-casing the colours', () => {
    const answer = 'Here is a calm palette {as requested}:\n```json\n{ "colors": ["#A3C4BC", "#e7efc5", "#bfd7b5", "#413c58"] }\n```\nEnjoy!'
    expect(parseMoodPalette(answer)).toEqual(['#a3c4bc', '#e7efc5', '#bfd7b5', '#413c58'])
    expect(parseMoodPalette('{"colors":["#000000","#ffffff","#ff0000"],"name":"bold"}')).toEqual(['#000000', '#ffffff', '#ff0000'])
  })

  it('returns null for anything that is not 3 to 6 #rrggbb colours', () => {
    const hostile = [
      'no json at all',
      '{"colors": "#ff0000"}',
      '{"colors": [1, 2, 3]}',
      '{"colors": ["red", "green", "blue"]}',
      '{"colors": ["#fff", "#000", "#f00"]}',
      '{"colors": ["#ff0000", "#00ff00"]}',
      JSON.stringify({ colors: Array.from({ length: 200 }, () => '#ff0000') }),
      '{"colours": ["#ff0000", "#00ff00", "#0000ff"]}',
      '{"palette": {"colors": ["#ff0000", "#00ff00", "#0000ff"]}}',
      '{"colors": ["#ff0000", "#00ff00", "#0000ff"',
      '{"colors": ["#ff0000\\"}", "#00ff00", "#0000ff"]}',
      '{'.repeat(100_000)
    ]
    for (const text of hostile) expect(parseMoodPalette(text), text.slice(0, 60)).toBeNull()
  })
})

describe('fallbackMoodPalette', () => {
  it('gives five colours, the same ones for the same mood', () => {
    const calm = fallbackMoodPalette('Calm and peaceful')
    expect(calm).toHaveLength(5)
    for (const color of calm) expect(color).toMatch(/^#[0-9a-f]{6}$/)
    expect(fallbackMoodPalette('Calm and peaceful')).toEqual(calm)
  })

  it('differs between moods, known or not', () => {
    expect(fallbackMoodPalette('calm')).not.toEqual(fallbackMoodPalette('energetic'))
    expect(fallbackMoodPalette('corporate')).not.toEqual(fallbackMoodPalette('playful'))
    expect(fallbackMoodPalette('harbour at dawn')).not.toEqual(fallbackMoodPalette('desert carnival'))
    expect(fallbackMoodPalette('Harbour  at dawn ')).toEqual(fallbackMoodPalette('harbour at dawn'))
  })

  it('makes a dark background for dark moods', () => {
    expect(relativeLuminance(fallbackMoodPalette('warm')[0]!)).toBeGreaterThan(0.8)
    expect(relativeLuminance(fallbackMoodPalette('dark and warm')[0]!)).toBeLessThan(0.05)
  })
})

describe('paletteRoles', () => {
  it('gives readable text and muted text on the background for every mood', () => {
    const moods = ['calm', 'energetic', 'warm', 'cool', 'luxury', 'playful', 'organic', 'trust', 'bold', 'minimal', 'retro', 'dark', 'fresh', 'romantic', 'tech', 'sunny', 'harbour at dawn']
    for (const mood of moods) {
      const roles = paletteRoles(fallbackMoodPalette(mood))
      expect(contrastRatio(roles.text, roles.background), mood).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(roles.muted, roles.background), mood).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('takes the first colour as the background and fixes text that would be too faint', () => {
    const roles = paletteRoles(['#FFFFFF', '#ffff66', '#f2f2f2', '#999999'])
    expect(roles.background).toBe('#ffffff')
    expect(contrastRatio('#999999', '#ffffff')).toBeLessThan(3)
    expect(contrastRatio(roles.text, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(roles.surface).toBe('#f2f2f2')
    expect(roles.accent).toBe('#ffff66')
  })

  it('needs at least one colour', () => {
    expect(() => paletteRoles([])).toThrow(/at least one/)
    expect(contrastRatio(paletteRoles(['#336699']).text, '#336699')).toBeGreaterThanOrEqual(4.5)
  })
})
