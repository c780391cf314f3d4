import { describe, expect, it } from 'vitest'
import { wordsIn } from '../../../../../src/renderer/src/features/spellcheck/words'

describe('wordsIn', () => {
  it('finds words with their positions, keeping apostrophes inside words', () => {
    expect(wordsIn("The mayor’s plan isn't new", 10)).toEqual([
      { word: 'The', from: 10, to: 13 },
      { word: "mayor's", from: 14, to: 21 },
      { word: 'plan', from: 22, to: 26 },
      { word: "isn't", from: 27, to: 32 },
      { word: 'new', from: 33, to: 36 }
    ])
  })

  it('skips acronyms and words joined to numbers', () => {
    expect(wordsIn('NATO met 3rd time in 2026', 0).map((w) => w.word)).toEqual(['met', 'time', 'in'])
  })
})
