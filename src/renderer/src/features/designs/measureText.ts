import Konva from 'konva'
import type { TextLayer } from '../../../../shared/design/types'

/** One detached Konva text node, reused: measuring must wrap exactly as the canvas does. */
let probe: Konva.Text | null = null

/** The height a text layer's words take when wrapped in its box's width, as the canvas lays them out. */
export function measureTextHeight(layer: TextLayer): number {
  probe ??= new Konva.Text({ wrap: 'word' })
  probe.setAttrs({
    text: layer.text,
    width: layer.width,
    fontFamily: layer.fontFamily,
    fontSize: layer.fontSize,
    fontStyle: layer.fontWeight === 700 ? 'bold' : 'normal',
    lineHeight: layer.lineHeight
  })
  return probe.height()
}
