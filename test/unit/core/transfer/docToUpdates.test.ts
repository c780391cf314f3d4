import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docToUpdates } from '../../../../src/core/transfer/docToUpdates'
import { draftSchema } from '../../../../src/core/transfer/draftSchema'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { MAX_UPDATE_BYTES } from '../../../../src/shared/contracts/docs'
import { DRAFT_BODY_FIELD } from '../../../../src/shared/editor/fields'
import { CORE_BLOCKS, bodyOf, docJSON, normalise } from '../../../support/transfer'

describe('docToUpdates', () => {
  it('fills the draft body fragment so that loading it gives the same document', () => {
    const body = draftSchema().nodeFromJSON(docJSON(CORE_BLOCKS))
    const updates = docToUpdates(body)
    expect(updates).toHaveLength(1)
    expect(bodyOf(updates)).toEqual(normalise(docJSON(CORE_BLOCKS)))
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    expect(doc.getXmlFragment(DRAFT_BODY_FIELD).length).toBe(CORE_BLOCKS.length)
  })

  it('splits a long body into several updates, each a few blocks, that apply in order', () => {
    const blocks = Array.from({ length: 300 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} `.repeat(50) }] }))
    const body = draftSchema().nodeFromJSON(docJSON(blocks))
    const updates = docToUpdates(body, 16 * 1024)
    expect(updates.length).toBeGreaterThan(10)
    expect(Math.max(...updates.map((u) => u.byteLength))).toBeLessThan(64 * 1024)
    expect(draftBody(updates).eq(body)).toBe(true)
  })

  it('keeps a 5 MB body under the per-update limit with the default chunk size', () => {
    const text = 'word '.repeat(200)
    const blocks = Array.from({ length: 5000 }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
    const updates = docToUpdates(draftSchema().nodeFromJSON(docJSON(blocks)))
    expect(updates.length).toBeGreaterThan(1)
    expect(Math.max(...updates.map((u) => u.byteLength))).toBeLessThan(MAX_UPDATE_BYTES / 4)
  })
})
