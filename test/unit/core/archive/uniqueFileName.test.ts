import { describe, expect, it } from 'vitest'
import { uniqueFileName } from '../../../../src/core/archive/uniqueFileName'

describe('uniqueFileName', () => {
  it('numbers names already taken, ignoring case, and remembers each one given', () => {
    const taken = new Set<string>()
    expect(['Notes.md', 'notes.md', 'NOTES.md', 'Notes (2).md', 'README'].map((name) => uniqueFileName(name, taken))).toEqual([
      'Notes.md',
      'notes (2).md',
      'NOTES (3).md',
      'Notes (2) (2).md',
      'README'
    ])
  })
})
