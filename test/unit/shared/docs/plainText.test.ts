import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fragmentText } from '../../../../src/shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../../../src/shared/editor/fields'
import { draftDoc } from '../../../support/drafts'

describe('fragmentText', () => {
  it('puts each block on its own line, formatting dropped', () => {
    const doc = draftDoc([
      ['heading', 'Flood warning'],
      ['paragraph', 'The river rose overnight.']
    ])
    const paragraph = doc.getXmlFragment(DRAFT_BODY_FIELD).get(1) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).format(4, 5, { bold: {} })
    expect(fragmentText(doc.getXmlFragment(DRAFT_BODY_FIELD))).toBe('Flood warning\nThe river rose overnight.')
  })

  it('reads nested lists and skips empty blocks', () => {
    const doc = new Y.Doc()
    const list = new Y.XmlElement('bulletList')
    for (const text of ['first', 'second']) {
      const item = new Y.XmlElement('listItem')
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      item.insert(0, [p])
      list.push([item])
    }
    const empty = new Y.XmlElement('paragraph')
    doc.getXmlFragment(DRAFT_BODY_FIELD).push([list, empty])
    expect(fragmentText(doc.getXmlFragment(DRAFT_BODY_FIELD))).toBe('first\nsecond')
  })
})
