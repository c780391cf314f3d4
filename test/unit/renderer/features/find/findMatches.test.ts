import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { findMatches } from '../../../../../src/renderer/src/features/find/findMatches'
import { draftExtensions } from '../../../../../src/shared/editor/extensions'

const schema = getSchema(draftExtensions)

function doc(json: unknown) {
  return schema.nodeFromJSON(json)
}

const text = (t: string, marks?: { type: string }[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })

describe('findMatches', () => {
  it('finds every occurrence, ignoring case, with ProseMirror positions', () => {
    const d = doc({ type: 'doc', content: [{ type: 'paragraph', content: [text('River rises; the river floods.')] }] })
    const matches = findMatches(d, 'river')
    expect(matches).toEqual([
      { from: 1, to: 6 },
      { from: 18, to: 23 }
    ])
    expect(matches.map((m) => d.textBetween(m.from, m.to))).toEqual(['River', 'river'])
  })

  it('matches across bold and italic text but not across paragraphs', () => {
    const d = doc({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('flood '), text('warn', [{ type: 'bold' }]), text('ing')] },
        { type: 'paragraph', content: [text('flo')] },
        { type: 'paragraph', content: [text('od')] }
      ]
    })
    expect(findMatches(d, 'warning').map((m) => d.textBetween(m.from, m.to))).toEqual(['warning'])
    expect(findMatches(d, 'flood')).toHaveLength(1)
  })

  it('finds nothing for an empty query', () => {
    expect(findMatches(doc({ type: 'doc', content: [{ type: 'paragraph', content: [text('x')] }] }), '')).toEqual([])
  })
})
