import { z } from 'zod'
import { contrastRatio, formatHex, hexToHsl, hslToHex, mixColors, relativeLuminance } from './color'
import { fixContrast } from './contrast'
import { ColorSchema, type Color } from './types'

// Palettes three ways: taken from an image's pixels (median cut), asked of a model for a mood
// (validated JSON), or made up from a mood without a model (keyword table). By convention the
// first colour is the background: an image's most common colour, and the prompt must ask a
// model to put the background first.

/** More samples hardly change the palette; fewer keep big images fast. */
const MAX_SAMPLES = 50_000
/** Pixels more transparent than this are not part of what the image shows. */
const MIN_ALPHA = 128

/** The opaque pixels' r, g, b, taken at a fixed stride so the same image always gives the same sample. */
function samplePixels(rgba: Uint8ClampedArray | Uint8Array): number[][] {
  const pixels = Math.floor(rgba.length / 4)
  const stride = Math.max(1, Math.ceil(pixels / MAX_SAMPLES))
  const samples: number[][] = []
  for (let pixel = 0; pixel < pixels; pixel += stride) {
    const at = pixel * 4
    if ((rgba[at + 3] ?? 0) >= MIN_ALPHA) samples.push([rgba[at] ?? 0, rgba[at + 1] ?? 0, rgba[at + 2] ?? 0])
  }
  return samples
}

/** The channel a box of pixels spreads over most, and by how much. */
function widestChannel(box: readonly number[][]): { channel: number; range: number } {
  let widest = { channel: 0, range: -1 }
  for (let channel = 0; channel < 3; channel++) {
    let min = 255
    let max = 0
    for (const pixel of box) {
      const value = pixel[channel] ?? 0
      if (value < min) min = value
      if (value > max) max = value
    }
    if (max - min > widest.range) widest = { channel, range: max - min }
  }
  return widest
}

/** Splits a box along its widest channel at the value boundary nearest its median (equal colours stay together). */
function splitBox(box: readonly number[][]): [number[][], number[][]] {
  const { channel } = widestChannel(box)
  const sorted = [...box].sort((a, b) => (a[channel] ?? 0) - (b[channel] ?? 0))
  const middle = Math.floor(sorted.length / 2)
  const valueAt = (index: number): number => sorted[index]?.[channel] ?? 0
  let cut = -1
  for (let offset = 0; cut === -1; offset++) {
    if (middle - offset > 0 && valueAt(middle - offset - 1) !== valueAt(middle - offset)) cut = middle - offset
    else if (middle + offset < sorted.length && valueAt(middle + offset - 1) !== valueAt(middle + offset)) cut = middle + offset
  }
  return [sorted.slice(0, cut), sorted.slice(cut)]
}

function averageColor(box: readonly number[][]): Color {
  const sum = (channel: number): number => box.reduce((total, pixel) => total + (pixel[channel] ?? 0), 0)
  return formatHex({ r: sum(0) / box.length, g: sum(1) / box.length, b: sum(2) / box.length })
}

/**
 * The image's main colours by median cut, most common first: up to `count` distinct colours
 * (fewer when the image has fewer). Throws when no pixel is at least half opaque.
 */
export function paletteFromPixels(rgba: Uint8ClampedArray | Uint8Array, count = 5): Color[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`A palette needs a whole number of colours, at least 1 (got ${count}).`)
  const samples = samplePixels(rgba)
  if (samples.length === 0) throw new Error('The image has no visible pixels to take colours from (it is empty or fully transparent).')
  const boxes = [samples]
  while (boxes.length < count) {
    // Split where it matters most: wide spread and many pixels.
    const scored = boxes.map((box, index) => ({ index, score: widestChannel(box).range * box.length }))
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a))
    if (best.score === 0) break
    boxes.splice(best.index, 1, ...splitBox(boxes[best.index] ?? []))
  }
  const population = new Map<Color, number>()
  for (const box of boxes) {
    const color = averageColor(box)
    population.set(color, (population.get(color) ?? 0) + box.length)
  }
  return [...population].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : 1)).map(([color]) => color)
}

/** What a model must answer for a mood: 3 to 6 colours, the background first. */
export const MoodPaletteSchema = z.object({ colors: z.array(ColorSchema).min(3).max(6) })
export type MoodPalette = z.infer<typeof MoodPaletteSchema>

/** Longer model output is not searched (a palette answer is a few lines). */
const MAX_MODEL_TEXT_CHARS = 20_000
/** How many '{' to try before giving up on prose full of braces. */
const MAX_OBJECT_STARTS = 20

/** The index of the '}' closing the '{' at `start` (braces inside JSON strings skipped), or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 0
  let inString = false
  let escaped = false
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (escaped) escaped = false
      else if (char === '\\') escaped = true
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return index
  }
  return -1
}

/** The first balanced {...} in the text that parses as JSON, or undefined. */
function firstJsonObject(text: string): unknown {
  let start = text.indexOf('{')
  for (let tries = 0; start !== -1 && tries < MAX_OBJECT_STARTS; tries++) {
    const end = closingBrace(text, start)
    if (end !== -1) {
      try {
        return JSON.parse(text.slice(start, end + 1))
      } catch {
        // Braces in prose; the JSON may come later.
      }
    }
    start = text.indexOf('{', start + 1)
  }
  return undefined
}

/** The colours (lower case) of the first JSON object in a model's answer, or null when it is missing or not a valid palette. */
export function parseMoodPalette(text: string): Color[] | null {
  const parsed = MoodPaletteSchema.safeParse(firstJsonObject(text.slice(0, MAX_MODEL_TEXT_CHARS)))
  return parsed.success ? parsed.data.colors.map((color) => color.toLowerCase()) : null
}

type Harmony = 'analogous' | 'complementary' | 'triadic' | 'split' | 'monochrome'

/** Hue offsets of the second and third colour from the base. */
const HARMONY_OFFSETS: Record<Harmony, [number, number]> = {
  analogous: [30, -30],
  complementary: [-20, 180],
  triadic: [120, 240],
  split: [150, 210],
  monochrome: [0, 0]
}
const HARMONIES = Object.keys(HARMONY_OFFSETS) as Harmony[]

interface MoodScheme {
  hue: number
  saturation: number
  lightness: number
  harmony: Harmony
  dark?: boolean
}

/** Moods by keyword; the first entry with a word in the mood wins, so "dark" (a modifier too) comes last. */
const MOOD_SCHEMES: readonly (MoodScheme & { words: readonly string[] })[] = [
  { words: ['calm', 'serene', 'peaceful', 'relaxed', 'relaxing', 'tranquil', 'quiet'], hue: 195, saturation: 0.35, lightness: 0.55, harmony: 'analogous' },
  { words: ['energetic', 'energy', 'dynamic', 'vibrant', 'sporty', 'active'], hue: 15, saturation: 0.9, lightness: 0.55, harmony: 'triadic' },
  { words: ['warm', 'cozy', 'cosy', 'autumn', 'autumnal'], hue: 25, saturation: 0.7, lightness: 0.5, harmony: 'analogous' },
  { words: ['cool', 'icy', 'winter', 'chilly'], hue: 210, saturation: 0.55, lightness: 0.5, harmony: 'analogous' },
  { words: ['luxury', 'luxurious', 'elegant', 'premium', 'exclusive'], hue: 45, saturation: 0.55, lightness: 0.5, harmony: 'complementary', dark: true },
  { words: ['playful', 'fun', 'kids', 'cheerful', 'happy', 'joyful'], hue: 330, saturation: 0.8, lightness: 0.6, harmony: 'triadic' },
  { words: ['natural', 'nature', 'organic', 'earthy', 'eco', 'sustainable', 'green'], hue: 95, saturation: 0.35, lightness: 0.42, harmony: 'analogous' },
  { words: ['corporate', 'trust', 'trustworthy', 'professional', 'business', 'reliable'], hue: 215, saturation: 0.6, lightness: 0.4, harmony: 'complementary' },
  { words: ['bold', 'strong', 'loud', 'striking'], hue: 355, saturation: 0.85, lightness: 0.48, harmony: 'complementary' },
  { words: ['minimal', 'minimalist', 'clean', 'simple'], hue: 220, saturation: 0.08, lightness: 0.45, harmony: 'monochrome' },
  { words: ['retro', 'vintage', 'nostalgic'], hue: 30, saturation: 0.5, lightness: 0.55, harmony: 'split' },
  { words: ['fresh', 'spring', 'mint'], hue: 150, saturation: 0.55, lightness: 0.55, harmony: 'analogous' },
  { words: ['romantic', 'love', 'soft', 'tender', 'wedding'], hue: 345, saturation: 0.5, lightness: 0.7, harmony: 'analogous' },
  { words: ['tech', 'technology', 'futuristic', 'digital'], hue: 185, saturation: 0.8, lightness: 0.5, harmony: 'split', dark: true },
  { words: ['optimistic', 'sunny', 'summer', 'bright'], hue: 45, saturation: 0.9, lightness: 0.55, harmony: 'complementary' },
  { words: ['dark', 'moody', 'night', 'mysterious'], hue: 260, saturation: 0.35, lightness: 0.4, harmony: 'analogous', dark: true }
]

/** FNV-1a: a small stable hash, so an unknown mood always gives the same palette. */
function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

function schemeForMood(mood: string): MoodScheme {
  const words = new Set(mood.toLowerCase().match(/\p{L}+/gu) ?? [])
  const known = MOOD_SCHEMES.find((scheme) => scheme.words.some((word) => words.has(word)))
  if (known) return { ...known, dark: known.dark === true || words.has('dark') }
  const hash = hashText(mood.trim().toLowerCase().replace(/\s+/g, ' '))
  return {
    hue: hash % 360,
    saturation: 0.45 + ((hash >>> 9) % 40) / 100,
    lightness: 0.45 + ((hash >>> 17) % 15) / 100,
    harmony: HARMONIES[(hash >>> 24) % HARMONIES.length] ?? 'analogous'
  }
}

/** Five colours for a mood without a model (background, primary, two harmonising colours, text); the same mood always gives the same palette. */
export function fallbackMoodPalette(mood: string): Color[] {
  const { hue, saturation: s, lightness: l, harmony, dark } = schemeForMood(mood)
  const [second, third] = HARMONY_OFFSETS[harmony]
  const base = dark ? Math.max(l, 0.5) : l
  return [
    hslToHex({ h: hue, s: s * (dark ? 0.35 : 0.3), l: dark ? 0.1 : 0.96 }),
    hslToHex({ h: hue, s, l: base }),
    // Softer than the primary, so the primary stays the most saturated (the accent).
    hslToHex({ h: hue + second, s: s * 0.8, l: base + 0.15 }),
    hslToHex({ h: hue + third, s: s * 0.9, l: base - 0.08 }),
    hslToHex({ h: hue, s: Math.min(s, 0.4), l: dark ? 0.94 : 0.15 })
  ]
}

/** A surface further from the background than this reads as a block of colour, not a card. */
const MAX_SURFACE_CONTRAST = 1.3

/** What each palette colour is for in a design. */
export interface PaletteRoles {
  background: Color
  /** Cards and panels on the background. */
  surface: Color
  /** Body text: always at least WCAG AA (4.5:1) on the background. */
  text: Color
  accent: Color
  /** Secondary text: softer than `text`, still AA on the background. */
  muted: Color
}

/**
 * Roles for a palette: the first colour is the background, the colour contrasting most with
 * it becomes the text (made lighter or darker until it meets AA), the most saturated other
 * one the accent. Throws for an empty palette.
 */
export function paletteRoles(colors: readonly Color[]): PaletteRoles {
  const [first, ...rest] = colors.map((color) => color.toLowerCase())
  if (first === undefined) throw new Error('A palette needs at least one colour.')
  const background = first
  const byContrast = [...rest].sort((a, b) => contrastRatio(b, background) - contrastRatio(a, background))
  const textSource = byContrast[0] ?? background
  const text = fixContrast(textSource, [background])
  const others = byContrast.slice(1)
  const accent = [...others].sort((a, b) => hexToHsl(b).s - hexToHsl(a).s)[0] ?? text
  // A palette colour only makes a surface when it is close to the background; else a tint.
  const backgroundLuminance = relativeLuminance(background)
  const surface =
    others
      .filter((color) => color !== accent && contrastRatio(color, background) < MAX_SURFACE_CONTRAST)
      .sort((a, b) => Math.abs(relativeLuminance(a) - backgroundLuminance) - Math.abs(relativeLuminance(b) - backgroundLuminance))[0] ??
    mixColors(background, text, 0.06)
  const muted = fixContrast(mixColors(text, background, 0.35), [background])
  return { background, surface, text, accent, muted }
}
