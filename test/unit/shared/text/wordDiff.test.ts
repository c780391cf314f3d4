import { describe, expect, it } from 'vitest'
import { wordDiff } from '../../../../src/shared/text/wordDiff'

describe('wordDiff', () => {
  it('marks added and removed words', () => {
    expect(wordDiff('the council met', 'the board met today')).toEqual([
      { text: 'the ', change: 'same' },
      { text: 'council', change: 'removed' },
      { text: 'board', change: 'added' },
      { text: ' met ', change: 'same' },
      { text: 'today', change: 'added' }
    ])
  })
})
