import { describe, expect, it } from 'vitest'
import { mergeResults, passageSnippet } from '../../../../../src/core/search/semantic/mergeResults'
import type { SearchHit } from '../../../../../src/shared/contracts/search'

const wordHit = (docId: string): SearchHit => ({ docId, title: [{ text: docId, match: true }], snippet: [{ text: `…${docId}…`, match: false }] })
const meaningHit = (docId: string) => ({ docId, title: `Title ${docId}`, text: `Passage of ${docId}` })

describe('mergeResults', () => {
  it('ranks a draft found both ways first, and says how each was found', () => {
    const merged = mergeResults([wordHit('a'), wordHit('b')], [meaningHit('c'), meaningHit('b')], 10)
    expect(merged.map((hit) => [hit.docId, hit.matchedBy])).toEqual([
      ['b', 'both'],
      ['a', 'words'],
      ['c', 'meaning']
    ])
    // A word match keeps its highlights; a match by meaning shows its passage, unmarked.
    expect(merged[0]!.title).toEqual([{ text: 'b', match: true }])
    expect(merged[2]).toMatchObject({ title: [{ text: 'Title c', match: false }], snippet: [{ text: 'Passage of c', match: false }] })
  })

  it('interleaves the two lists by rank and keeps to the limit', () => {
    const merged = mergeResults([wordHit('w1'), wordHit('w2')], [meaningHit('m1'), meaningHit('m2')], 3)
    expect(merged.map((hit) => hit.docId)).toEqual(['w1', 'm1', 'w2'])
    expect(mergeResults([], [], 5)).toEqual([])
  })
})

describe('passageSnippet', () => {
  it('flattens whitespace and cuts a long passage at a space', () => {
    expect(passageSnippet('one\ntwo   three')).toBe('one two three')
    const cut = passageSnippet('word '.repeat(100), 30)
    expect(cut).toMatch(/^(word ){5}word…$/)
  })
})
