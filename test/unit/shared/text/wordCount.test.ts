import { describe, expect, it } from 'vitest'
import { countWords, readingMinutes } from '../../../../src/shared/text/wordCount'

describe('word count', () => {
  it('counts words as readers do', () => {
    expect(countWords('The river rose two metres.')).toBe(5)
    expect(countWords("It's a well-known fact — 3 times over")).toBe(7)
    expect(countWords('Über café naïve')).toBe(3)
    expect(countWords('   ')).toBe(0)
  })

  it('rounds reading time to whole minutes, at least one', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(10)).toBe(1)
    expect(readingMinutes(1150)).toBe(5)
  })
})
