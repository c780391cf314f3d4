import * as Y from 'yjs'
import { blobHashOf, isBlobHash } from '../blobs/images'
import { DESIGN_LAYERS_FIELD } from '../design/designDoc'
import { DRAFT_BODY_FIELD } from '../editor/fields'

/** The hashes of the stored images a document refers to: a draft's body images, a design's image layers. */
export function imageHashesIn(doc: Y.Doc): string[] {
  const hashes = new Set<string>()
  doc.getMap<unknown>(DESIGN_LAYERS_FIELD).forEach((layer) => {
    const hash: unknown = layer instanceof Y.Map ? layer.get('blobHash') : undefined
    if (typeof hash === 'string' && isBlobHash(hash)) hashes.add(hash)
  })
  const images = doc.getXmlFragment(DRAFT_BODY_FIELD).createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'image')
  for (const image of images) {
    const src = image instanceof Y.XmlElement ? image.getAttribute('src') : undefined
    const hash = typeof src === 'string' ? blobHashOf(src) : null
    if (hash) hashes.add(hash)
  }
  return [...hashes]
}
