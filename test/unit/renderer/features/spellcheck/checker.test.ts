import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createChecker } from '../../../../../src/renderer/src/features/spellcheck/checker'

// The same dictionary files the app bundles, read from the package.
const dir = resolve('node_modules/dictionary-en')
const checker = createChecker(readFileSync(resolve(dir, 'index.aff'), 'utf8'), readFileSync(resolve(dir, 'index.dic'), 'utf8'))

describe('offline spellchecker', () => {
  it('knows English words and their forms', () => {
    for (const word of ['journalist', 'journalists', 'reporting', 'The', "isn't"]) expect(checker.isCorrect(word)).toBe(true)
  })

  it('flags misspellings and suggests the intended word', () => {
    expect(checker.isCorrect('goverment')).toBe(false)
    expect(checker.suggest('goverment')).toContain('government')
    expect(checker.suggest('recieve')).toContain('receive')
  })
})
