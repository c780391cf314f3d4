import Konva from 'konva'
import type { TextLayer } from '../../../../shared/design/types'
import { whenDesignFontsReady } from './fonts'

/** One detached Konva text node, reused: measuring must wrap exactly as the canvas does. */
let probe: Konva.Text | null = null

/** Heights by everything that affects them; moving a layer (the common change) measures nothing. */
const heights = new Map<string, number>()
const MAX_CACHED = 500
/** Text measured before the bundled fonts load is measured in a fallback font: not kept past that. */
let fontsReady = false
let fontsAsked = false

/** The height a text layer's words take when wrapped in its box's width, as the canvas lays them out. */
export function measureTextHeight(layer: TextLayer): number {
  // Asked on first use, not at start-up: a writer who never opens a design loads no design font.
  if (!fontsAsked) {
    fontsAsked = true
    void whenDesignFontsReady().then(() => {
      fontsReady = true
    })
  }
  const key = JSON.stringify([fontsReady, layer.text, layer.width, layer.fontFamily, layer.fontSize, layer.fontWeight, layer.lineHeight])
  const cached = heights.get(key)
  if (cached !== undefined) return cached
  probe ??= new Konva.Text({ wrap: 'word' })
  probe.setAttrs({
    text: layer.text,
    width: layer.width,
    fontFamily: layer.fontFamily,
    fontSize: layer.fontSize,
    fontStyle: layer.fontWeight === 700 ? 'bold' : 'normal',
    lineHeight: layer.lineHeight
  })
  const height = probe.height()
  if (heights.size >= MAX_CACHED) heights.clear()
  heights.set(key, height)
  return height
}
