import { describe, expect, it } from 'vitest'
import { textSplice } from '../../../../src/shared/text/textDiff'

describe('textSplice', () => {
  it('finds the single edit between two strings', () => {
    expect(textSplice('Storm', 'Storm coverage')).toEqual({ index: 5, remove: 0, insert: ' coverage' })
    expect(textSplice('Storm coverage', 'Storm')).toEqual({ index: 5, remove: 9, insert: '' })
    expect(textSplice('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' })
    expect(textSplice('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' })
    expect(textSplice('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' })
  })
})
