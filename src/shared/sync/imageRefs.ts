import * as Y from 'yjs'
import { blobHashOf } from '../blobs/images'
import { DRAFT_BODY_FIELD } from '../editor/fields'

/** The hashes of the stored images a draft's body refers to. */
export function imageHashesIn(doc: Y.Doc): string[] {
  const hashes = new Set<string>()
  const images = doc.getXmlFragment(DRAFT_BODY_FIELD).createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'image')
  for (const image of images) {
    const src = image instanceof Y.XmlElement ? image.getAttribute('src') : undefined
    const hash = typeof src === 'string' ? blobHashOf(src) : null
    if (hash) hashes.add(hash)
  }
  return [...hashes]
}
