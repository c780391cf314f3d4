import { describe, expect, it } from 'vitest'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { draftUpdates, normaliseNode } from '../../../support/transfer'

const para = (text?: string) => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) })

describe('draftBody', () => {
  it('leaves out the empty paragraphs the editor keeps at the end, and only those', () => {
    expect(normaliseNode(draftBody(draftUpdates([para('a'), para(), para('b'), para(), para()])))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'b' }] }]
    })
  })

  it('gives an empty draft, or one never written, a single empty paragraph', () => {
    expect(normaliseNode(draftBody([]))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(normaliseNode(draftBody(draftUpdates([para()])))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })
})
