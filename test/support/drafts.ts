import * as Y from 'yjs'
import { DRAFT_BODY_FIELD } from '../../src/shared/editor/fields'

/** A draft body as the editor stores it: one Y.XmlElement per block, text in Y.XmlText. */
export function draftDoc(blocks: [string, string][]): Y.Doc {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(DRAFT_BODY_FIELD)
  for (const [nodeName, text] of blocks) {
    const element = new Y.XmlElement(nodeName)
    element.insert(0, [new Y.XmlText(text)])
    fragment.push([element])
  }
  return doc
}
