import type { Color } from './types'

/** A colour's channels, each 0–255. */
export interface Rgb {
  r: number
  g: number
  b: number
}

/** Hue in degrees (0–360), saturation and lightness 0–1. */
export interface Hsl {
  h: number
  s: number
  l: number
}

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i

/** The channels of a '#rrggbb' colour; throws for any other form. */
export function parseHex(color: string): Rgb {
  const match = HEX.exec(color)
  if (!match) throw new Error(`Not a #rrggbb colour: ${JSON.stringify(color)}`)
  const [, r = '', g = '', b = ''] = match
  return { r: parseInt(r, 16), g: parseInt(g, 16), b: parseInt(b, 16) }
}

function channelHex(value: number): string {
  return Math.round(Math.min(255, Math.max(0, value)))
    .toString(16)
    .padStart(2, '0')
}

/** Channels as lower-case '#rrggbb', rounded and clamped to 0–255. */
export function formatHex({ r, g, b }: Rgb): Color {
  return `#${channelHex(r)}${channelHex(g)}${channelHex(b)}`
}

/** `a` blended towards `b`: 0 gives `a`, 1 gives `b` (as `b` drawn over `a` at that opacity). */
export function mixColors(a: Color, b: Color, amount: number): Color {
  const from = parseHex(a)
  const to = parseHex(b)
  const t = Math.min(1, Math.max(0, amount))
  return formatHex({ r: from.r + (to.r - from.r) * t, g: from.g + (to.g - from.g) * t, b: from.b + (to.b - from.b) * t })
}

function linearChannel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG 2.x relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(color: Color): number {
  const { r, g, b } = parseHex(color)
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b)
}

/** WCAG 2.x contrast ratio of two colours, 1 (same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: Color, b: Color): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** The colour in HSL. */
export function hexToHsl(color: Color): Hsl {
  const { r, g, b } = parseHex(color)
  const [rn, gn, bn] = [r / 255, g / 255, b / 255]
  const max = Math.max(rn, gn, bn)
  const min = Math.min(rn, gn, bn)
  const l = (max + min) / 2
  const chroma = max - min
  if (chroma === 0) return { h: 0, s: 0, l }
  const s = chroma / (1 - Math.abs(2 * l - 1))
  const sector = max === rn ? ((gn - bn) / chroma + 6) % 6 : max === gn ? (bn - rn) / chroma + 2 : (rn - gn) / chroma + 4
  return { h: sector * 60, s, l }
}

/** An HSL colour as '#rrggbb'; the hue wraps, saturation and lightness are clamped to 0–1. */
export function hslToHex({ h, s, l }: Hsl): Color {
  const hue = ((h % 360) + 360) % 360
  const sat = Math.min(1, Math.max(0, s))
  const light = Math.min(1, Math.max(0, l))
  const chroma = (1 - Math.abs(2 * light - 1)) * sat
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1))
  const m = light - chroma / 2
  const [r, g, b] =
    hue < 60 ? [chroma, x, 0] : hue < 120 ? [x, chroma, 0] : hue < 180 ? [0, chroma, x] : hue < 240 ? [0, x, chroma] : hue < 300 ? [x, 0, chroma] : [chroma, 0, x]
  return formatHex({ r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 })
}
