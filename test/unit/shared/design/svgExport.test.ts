import { describe, expect, it } from 'vitest'
import { designToSvg, estimateTextWidth, linearGradientLine, wrapText } from '../../../../src/shared/design/svgExport'
import { DESIGN_TEMPLATES } from '../../../../src/shared/design/templates'
import type { Canvas, Design, ImageLayer, Layer, ShapeLayer, TextLayer } from '../../../../src/shared/design/types'
import { canvasOf, headlineLayer, imageLayer, shapeLayer } from './designFixtures'

const CANVAS = canvasOf()

/** Each kind of layer in the same 400 × 300 box at (100, 200): shape below, text, image on top. */
const box = { x: 100, y: 200, width: 400, height: 300 }
const text = (overrides: Partial<TextLayer> = {}): TextLayer => headlineLayer('text', { name: 'Text', z: 1, ...box, text: 'Hello', fontSize: 40, ...overrides })
const shape = (overrides: Partial<ShapeLayer> = {}): ShapeLayer => shapeLayer('shape', { name: 'Shape', z: 0, ...box, fill: '#ff0000', ...overrides })
const image = (overrides: Partial<ImageLayer> = {}): ImageLayer =>
  imageLayer('image', { name: 'Photo', z: 2, ...box, naturalWidth: 800, naturalHeight: 600, alt: 'A photo', ...overrides })

/** The layers as given: their z is not renumbered. */
function design(layers: Layer[], canvas: Canvas = CANVAS): Design {
  return { canvas, layers, unreadable: [] }
}

const noImages = { imageHref: (): null => null }

/**
 * A strict check that the SVG is well-formed XML: tags balance, attributes are quoted, and text
 * and attribute values hold no raw '<' and no '&' outside an entity. Returns the element names in order.
 */
function wellFormedElements(svg: string): string[] {
  const entity = /&(amp|lt|gt|quot|apos);/g
  const cleanText = (value: string): boolean => !/[<>&]/.test(value.replace(entity, ''))
  const stack: string[] = []
  const elements: string[] = []
  const token = /<!--([\s\S]*?)-->|<\/([a-zA-Z]+)>|<([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/y
  let index = 0
  while (index < svg.length) {
    token.lastIndex = index
    const match = token.exec(svg)
    if (!match) throw new Error(`Malformed at ${index}: ${svg.slice(index, index + 40)}`)
    const [whole, comment, closing, opening, attributes, selfClosing, content] = match
    if (comment !== undefined && comment.includes('--')) throw new Error('Comment holds --')
    if (closing !== undefined && stack.pop() !== closing) throw new Error(`Unbalanced </${closing}>`)
    if (opening !== undefined) {
      elements.push(opening)
      for (const [, value] of (attributes ?? '').matchAll(/="([^"]*)"/g)) if (!cleanText(value!)) throw new Error(`Raw markup in attribute ${value}`)
      if (!selfClosing) stack.push(opening)
    }
    if (content !== undefined && !cleanText(content)) throw new Error(`Raw markup in text ${content}`)
    index += whole.length
  }
  if (stack.length) throw new Error(`Unclosed ${stack.join(', ')}`)
  return elements
}

describe('designToSvg', () => {
  it('is exactly the canvas size at 1× and scales the pixels, not the viewBox, at 2×', () => {
    const linkedIn: Canvas = { ...CANVAS, width: 1200, height: 627 }
    expect(designToSvg(design([], linkedIn), noImages)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="627" viewBox="0 0 1200 627">/)
    expect(designToSvg(design([], linkedIn), { ...noImages, scale: 2 })).toContain('width="2400" height="1254" viewBox="0 0 1200 627"')
  })

  it('draws a solid background as a rect of the canvas colour', () => {
    const svg = designToSvg(design([]), noImages)
    expect(svg).toContain('<rect width="1080" height="1080" fill="#ffffff"/>')
    expect(svg).not.toContain('linearGradient')
  })

  it('maps a gradient angle to a line across the canvas', () => {
    const gradient = (angle: number): Canvas => ({ ...CANVAS, width: 1200, height: 600, background: { kind: 'linear', from: '#112233', to: '#445566', angle } })
    const across = designToSvg(design([], gradient(0)), noImages)
    expect(wellFormedElements(across)).toContain('linearGradient')
    expect(across).toContain('x1="0" y1="300" x2="1200" y2="300"')
    expect(across).toContain('<stop offset="0" stop-color="#112233"/><stop offset="1" stop-color="#445566"/>')
    expect(across).toContain('fill="url(#background)"')
    expect(designToSvg(design([], gradient(90)), noImages)).toContain('x1="600" y1="0" x2="600" y2="600"')
    // At 45° the line reaches both corners, as a CSS gradient does.
    expect(linearGradientLine(45, 100, 100)).toEqual({
      x1: expect.closeTo(0, 6) as number,
      y1: expect.closeTo(0, 6) as number,
      x2: expect.closeTo(100, 6) as number,
      y2: expect.closeTo(100, 6) as number
    })
  })

  it('draws layers in z order whatever order they are listed in', () => {
    const layers = [text({ id: 'top', z: 5 }), shape({ id: 'bottom', z: -1 }), shape({ id: 'middle', shape: 'ellipse', z: 2 })]
    const elements = wellFormedElements(designToSvg(design(layers), noImages)).filter((name) => ['rect', 'ellipse', 'text'].includes(name))
    expect(elements).toEqual(['rect', 'rect', 'ellipse', 'text'])
  })

  it('places each layer at its corner, rotated there, with its opacity', () => {
    const svg = designToSvg(design([shape({ rotation: 30, opacity: 0.5 }), shape({ id: 'plain', x: 10.126, y: 20 })]), noImages)
    expect(svg).toContain('<g transform="translate(100 200) rotate(30)" opacity="0.5"><rect width="400" height="300" fill="#ff0000"/></g>')
    expect(svg).toContain('<g transform="translate(10.13 20)"><rect')
  })

  it('draws rects with rounded corners and strokes, ellipses in their box, and lines corner to corner', () => {
    const svg = designToSvg(
      design([
        shape({ cornerRadius: 24, strokeWidth: 3, stroke: '#00ff00' }),
        shape({ shape: 'ellipse' }),
        shape({ shape: 'line', height: 0, strokeWidth: 6, stroke: '#0000ff' }),
        shape({ shape: 'line', width: 50, height: 80, strokeWidth: 2 })
      ]),
      noImages
    )
    expect(svg).toContain('<rect width="400" height="300" rx="24" fill="#ff0000" stroke="#00ff00" stroke-width="3"/>')
    expect(svg).toContain('<ellipse cx="200" cy="150" rx="200" ry="150" fill="#ff0000"/>')
    expect(svg).toContain('<line x1="0" y1="0" x2="400" y2="0" fill="none" stroke="#0000ff" stroke-width="6"/>')
    expect(svg).toContain('<line x1="0" y1="0" x2="50" y2="80" fill="none" stroke="#000000" stroke-width="2"/>')
  })

  it('writes text as one tspan per line, wrapped to the box, aligned by text-anchor', () => {
    const layer = text({ text: 'First line\nsecond line is long enough to wrap inside the box', align: 'center', fontFamily: 'Playfair Display' })
    const svg = designToSvg(design([layer]), noImages)
    const lines = wrapText(layer.text, layer, layer.width)
    expect(lines.length).toBeGreaterThan(2)
    expect(svg.match(/<tspan /g)).toHaveLength(lines.length)
    expect(svg).toContain(`font-family="&apos;Playfair Display&apos;, serif" font-size="40" font-weight="700" fill="#111111" text-anchor="middle"`)
    // Line boxes 48 px apart; the first baseline 0.5 × 48 + 0.3 × 40 below the top.
    expect(svg).toContain('<tspan x="200" y="36">First line</tspan><tspan x="200" y="84">')
    for (const line of lines) expect(estimateTextWidth(line, layer)).toBeLessThanOrEqual(layer.width)
  })

  it('anchors left and right aligned text at the box edges', () => {
    expect(designToSvg(design([text({ align: 'left' })]), noImages)).toContain('text-anchor="start"><tspan x="0"')
    expect(designToSvg(design([text({ align: 'right' })]), noImages)).toContain('text-anchor="end"><tspan x="400"')
  })

  it('escapes hostile text, names, alt text, hrefs and CSS so they cannot add markup', () => {
    const hostile = `</text><script>alert(1)</script>"' & <b>`
    const svg = designToSvg(design([text({ text: hostile, name: hostile }), image({ alt: hostile, name: hostile })]), {
      imageHref: () => `data:image/png;base64,AAAA"><script>alert(2)</script>`,
      fontFaces: `@font-face { font-family: 'Inter'; } </style><script>alert(3)</script>`
    })
    expect(svg).not.toMatch(/<script/i)
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;')
    expect(new Set(wellFormedElements(svg))).toEqual(new Set(['svg', 'style', 'rect', 'g', 'text', 'tspan', 'image', 'title']))
  })

  it('drops characters XML cannot hold', () => {
    const svg = designToSvg(design([text({ text: 'bell\u0007 and \ud800 lone' })]), noImages)
    expect(svg).toContain('>bell and  lone<')
  })

  it('draws an image from the href it is given, and skips it with a comment when there is none', () => {
    const withImage = designToSvg(design([image()]), { imageHref: (hash) => `data:image/png;base64,${hash.slice(0, 4)}` })
    expect(withImage).toContain('<image href="data:image/png;base64,aaaa" width="400" height="300" preserveAspectRatio="none"><title>A photo</title></image>')
    const without = designToSvg(design([image(), shape()]), noImages)
    expect(without).not.toContain('<image')
    expect(without).toContain('<!-- image not available -->')
    expect(wellFormedElements(without)).toEqual(['svg', 'rect', 'g', 'rect'])
  })

  it('exports every template as well-formed SVG', () => {
    let next = 0
    for (const template of DESIGN_TEMPLATES) {
      const { canvas, layers } = template.build(() => `layer-${++next}`)
      expect(wellFormedElements(designToSvg(design(layers, canvas), noImages))[0], template.id).toBe('svg')
    }
  })

  it('puts font faces in a style element', () => {
    const svg = designToSvg(design([]), { ...noImages, fontFaces: "@font-face { font-family: 'Inter'; src: url(data:font/woff2;base64,AAAA); }" })
    expect(svg).toContain("<style>@font-face { font-family: &apos;Inter&apos;; src: url(data:font/woff2;base64,AAAA); }</style>")
  })
})

describe('wrapText', () => {
  it('breaks at newlines, between words, and inside a word longer than the line', () => {
    const style = { fontFamily: 'Inter', fontSize: 10, fontWeight: 400 } as const
    expect(wrapText('one two three\n\nfour', style, 60)).toEqual(['one two', 'three', '', 'four'])
    expect(wrapText('abcdefghijklnopq', style, 30)).toEqual(['abcde', 'fghij', 'klnop', 'q'])
  })
})
