import type { LayerPatch } from './designDoc'
import { paletteRoles } from './palette'
import type { Background, Color, Design } from './types'

/**
 * What applying a palette changes: the background takes its background colour, text its text
 * colour (readable on that background), shapes and lines its accent. Images keep their pixels.
 */
export function paletteChanges(design: Design, colors: readonly Color[]): { background: Background; patches: LayerPatch[] } {
  const roles = paletteRoles(colors)
  return {
    background: { kind: 'solid', color: roles.background },
    patches: design.layers.flatMap((layer): LayerPatch[] => {
      if (layer.type === 'text') return [{ id: layer.id, changes: { fill: roles.text } }]
      if (layer.type === 'shape') return [{ id: layer.id, changes: layer.shape === 'line' ? { stroke: roles.accent } : { fill: roles.accent } }]
      return []
    })
  }
}
