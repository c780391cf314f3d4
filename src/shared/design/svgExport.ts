import type { Background, Design, FontFamily, ImageLayer, Layer, ShapeLayer, TextLayer } from './types'

// A design as a standalone SVG document. Every value taken from the design goes through
// `attr`/`escapeXml` (strings) or `num` (numbers), so a peer's hostile layer text cannot
// close an element and add markup or script.

/** The font properties the width estimate reads. */
export type TextStyle = Pick<TextLayer, 'fontFamily' | 'fontSize' | 'fontWeight'>

/** Average advance of one lowercase character, in ems. Estimates, not font metrics: SVG and the fit checks share them. */
const EM_PER_CHARACTER: Record<FontFamily, number> = {
  Inter: 0.55,
  // DejaVu Sans is a wide face: at 0.55 its bold lines ran past the estimate.
  'DejaVu Sans': 0.6,
  Oswald: 0.45,
  'Playfair Display': 0.5
}
/** Capitals run wider than the average character, and m, w and the em dash wider still. */
const CAPITAL_FACTOR = 1.25
const WIDE_FACTOR = 1.5
const WIDE_CHARACTERS = new Set(['m', 'w', 'M', 'W', '—'])
const BOLD_FACTOR = 1.05

const GENERIC_FAMILY: Record<FontFamily, string> = {
  Inter: 'sans-serif',
  'DejaVu Sans': 'sans-serif',
  Oswald: 'sans-serif',
  'Playfair Display': 'serif'
}

/** Estimated rendered width (px) of one line of text: deliberately generous, so text estimated to fit does fit. */
export function estimateTextWidth(text: string, style: TextStyle): number {
  let units = 0
  for (const character of text) {
    units += WIDE_CHARACTERS.has(character) ? WIDE_FACTOR : character !== character.toLowerCase() ? CAPITAL_FACTOR : 1
  }
  const weight = style.fontWeight === 700 ? BOLD_FACTOR : 1
  return units * EM_PER_CHARACTER[style.fontFamily] * style.fontSize * weight
}

/** The lines text breaks into in a box `maxWidth` wide: at each \n, then between words, then inside a word too long for a line. */
export function wrapText(text: string, style: TextStyle, maxWidth: number): string[] {
  const fits = (line: string): boolean => estimateTextWidth(line, style) <= maxWidth
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let current = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word
      if (fits(candidate)) {
        current = candidate
        continue
      }
      if (current) lines.push(current)
      current = ''
      for (const character of word) {
        if (current && !fits(current + character)) {
          lines.push(current)
          current = ''
        }
        current += character
      }
    }
    lines.push(current)
  }
  return lines
}

/** Where a linear gradient at `angle` degrees runs across a width × height box, so it reaches both corners (as CSS gradients do). */
export function linearGradientLine(angle: number, width: number, height: number): { x1: number; y1: number; x2: number; y2: number } {
  const radians = (angle * Math.PI) / 180
  const dx = Math.cos(radians)
  const dy = Math.sin(radians)
  const half = (Math.abs(width * dx) + Math.abs(height * dy)) / 2
  return { x1: width / 2 - dx * half, y1: height / 2 - dy * half, x2: width / 2 + dx * half, y2: height / 2 + dy * half }
}

export interface SvgExportOptions {
  /** Output pixels per canvas pixel (the viewBox stays at 1×). */
  scale?: number
  /** The URL (usually a data URL) an image blob is drawn from; null leaves the image out. */
  imageHref: (blobHash: string) => string | null
  /** CSS put in a <style> element, e.g. @font-face rules with embedded fonts. */
  fontFaces?: string
}

/** The design as a standalone SVG document, canvas.width × canvas.height × scale pixels. */
export function designToSvg(design: Design, options: SvgExportOptions): string {
  const { width, height, background } = design.canvas
  const scale = options.scale !== undefined && Number.isFinite(options.scale) && options.scale > 0 ? options.scale : 1
  const layers = [...design.layers].sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width=${attr(num(width * scale))} height=${attr(num(height * scale))} viewBox=${attr(`0 0 ${num(width)} ${num(height)}`)}>`,
    ...(options.fontFaces ? [`<style>${escapeXml(options.fontFaces)}</style>`] : []),
    ...backgroundSvg(background, width, height),
    ...layers.map((layer) => layerSvg(layer, options)),
    '</svg>'
  ].join('\n')
}

function backgroundSvg(background: Background, width: number, height: number): string[] {
  const box = `width=${attr(num(width))} height=${attr(num(height))}`
  if (background.kind === 'solid') return [`<rect ${box} fill=${attr(background.color)}/>`]
  const line = linearGradientLine(background.angle, width, height)
  return [
    `<defs><linearGradient id="background" gradientUnits="userSpaceOnUse" x1=${attr(num(line.x1))} y1=${attr(num(line.y1))} x2=${attr(num(line.x2))} y2=${attr(num(line.y2))}>`,
    `<stop offset="0" stop-color=${attr(background.from)}/><stop offset="1" stop-color=${attr(background.to)}/>`,
    '</linearGradient></defs>',
    `<rect ${box} fill="url(#background)"/>`
  ]
}

/** One layer in a group placed at its top-left corner and rotated there (as Konva rotates), drawn from 0,0. */
function layerSvg(layer: Layer, options: SvgExportOptions): string {
  const content = layer.type === 'text' ? textSvg(layer) : layer.type === 'shape' ? shapeSvg(layer) : imageSvg(layer, options)
  if (content === null) return '<!-- image not available -->'
  const rotate = layer.rotation ? ` rotate(${num(layer.rotation)})` : ''
  const opacity = layer.opacity < 1 ? ` opacity=${attr(num(layer.opacity))}` : ''
  return `<g transform=${attr(`translate(${num(layer.x)} ${num(layer.y)})${rotate}`)}${opacity}>${content}</g>`
}

const TEXT_ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const
/**
 * Where the alphabetic baseline sits below the middle of a line box, in ems. Approximate: Konva
 * centres (ascent − descent) in each line box; for these fonts that puts the first baseline at
 * about 0.8 × fontSize when lineHeight is 1.
 */
const BASELINE_BELOW_LINE_MIDDLE = 0.3

/** Text as one <tspan> per line, wrapped here with the width estimate because SVG does not wrap. */
function textSvg(layer: TextLayer): string {
  const lineHeight = layer.fontSize * layer.lineHeight
  const x = layer.align === 'left' ? 0 : layer.align === 'center' ? layer.width / 2 : layer.width
  const spans = wrapText(layer.text, layer, layer.width).flatMap((line, index) => {
    if (!line) return []
    const y = (index + 0.5) * lineHeight + BASELINE_BELOW_LINE_MIDDLE * layer.fontSize
    return [`<tspan x=${attr(num(x))} y=${attr(num(y))}>${escapeXml(line)}</tspan>`]
  })
  const family = `'${layer.fontFamily}', ${GENERIC_FAMILY[layer.fontFamily]}`
  return (
    `<text font-family=${attr(family)} font-size=${attr(num(layer.fontSize))} font-weight=${attr(num(layer.fontWeight))}` +
    ` fill=${attr(layer.fill)} text-anchor=${attr(TEXT_ANCHOR[layer.align])}>${spans.join('')}</text>`
  )
}

/**
 * Rect and ellipse fill their box; a line runs from the box's top-left to its bottom-right
 * corner (a Konva Line with points [0, 0, width, height]), so a box of height 0 gives a
 * horizontal line. Lines are drawn with the stroke only.
 */
function shapeSvg(layer: ShapeLayer): string {
  const stroke = layer.strokeWidth > 0 ? ` stroke=${attr(layer.stroke)} stroke-width=${attr(num(layer.strokeWidth))}` : ''
  if (layer.shape === 'line') {
    return `<line x1="0" y1="0" x2=${attr(num(layer.width))} y2=${attr(num(layer.height))} fill="none"${stroke || ' stroke="none"'}/>`
  }
  if (layer.shape === 'ellipse') {
    const rx = layer.width / 2
    const ry = layer.height / 2
    return `<ellipse cx=${attr(num(rx))} cy=${attr(num(ry))} rx=${attr(num(rx))} ry=${attr(num(ry))} fill=${attr(layer.fill)}${stroke}/>`
  }
  // Konva caps the corner radius at half the shorter side; SVG would cap each axis separately.
  const radius = Math.min(layer.cornerRadius, layer.width / 2, layer.height / 2)
  const corner = radius > 0 ? ` rx=${attr(num(radius))}` : ''
  return `<rect width=${attr(num(layer.width))} height=${attr(num(layer.height))}${corner} fill=${attr(layer.fill)}${stroke}/>`
}

/** The image stretched to its box (as Konva draws it), or null when its blob is not available. */
function imageSvg(layer: ImageLayer, options: SvgExportOptions): string | null {
  const href = options.imageHref(layer.blobHash)
  if (href === null) return null
  const title = layer.alt ? `<title>${escapeXml(layer.alt)}</title>` : ''
  return (
    `<image href=${attr(href)} width=${attr(num(layer.width))} height=${attr(num(layer.height))}` +
    ` preserveAspectRatio="none">${title}</image>`
  )
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text safe inside an XML element or quoted attribute; characters XML 1.0 forbids are dropped. */
function escapeXml(text: string): string {
  let escaped = ''
  for (const character of text) {
    if (allowedInXml(character.codePointAt(0) ?? 0)) escaped += XML_ENTITIES[character] ?? character
  }
  return escaped
}

/** XML 1.0's Char production: tab, line breaks and everything from space up, bar lone surrogates, U+FFFE and U+FFFF. */
function allowedInXml(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true
  return (codePoint >= 0x20 && codePoint < 0xd800) || (codePoint > 0xdfff && codePoint < 0xfffe) || codePoint > 0xffff
}

/** A quoted, escaped attribute value. */
function attr(value: string): string {
  return `"${escapeXml(value)}"`
}

/** A number as SVG reads it: at most two decimals, and 0 for anything not finite. */
function num(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0'
}
