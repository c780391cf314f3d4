import type * as Y from 'yjs'
import { readDesign } from './designDoc'

/** The words of a design's text layers, top of the stack first (for version lists and word counts). */
export function designText(doc: Y.Doc): string {
  const design = readDesign(doc)
  if (!design) return ''
  return design.layers
    .flatMap((layer) => (layer.type === 'text' && layer.text.trim() ? [layer.text.trim()] : []))
    .reverse()
    .join('\n')
}
