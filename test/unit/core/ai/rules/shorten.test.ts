import { describe, expect, it } from 'vitest'
import { shorten } from '../../../../../src/core/ai/rules/shorten'
import { FILLERS, QUANTITY_PHRASES, WORDY_PHRASES } from '../../../../../src/core/ai/rules/shortenPhrases'
import { wordsOf } from '../../../../../src/core/ai/rules/sentences'
import { WORDY_UPDATE } from './paragraphs'

describe('shorten', () => {
  it('cuts wordy phrases, fillers and intensifiers from a realistic paragraph', () => {
    expect(shorten(WORDY_UPDATE)).toBe(
      'To ship the redesign on time, the team needs to decide about the navigation. ' +
        'Because several customers have complained, the current menu is confusing. ' +
        'Now, we are waiting for feedback.'
    )
  })

  it('is shorter, keeps the words that carry meaning and invents none', () => {
    const short = shorten(WORDY_UPDATE)
    expect(short.length).toBeLessThan(WORDY_UPDATE.length * 0.8)
    for (const word of ['ship', 'redesign', 'navigation', 'customers', 'complained', 'menu', 'confusing', 'feedback']) {
      expect(short).toContain(word)
    }
    const replacements = [...WORDY_PHRASES, ...QUANTITY_PHRASES].flatMap(([, concise]) => wordsOf(concise))
    const allowed = new Set([...wordsOf(WORDY_UPDATE), ...replacements])
    expect(wordsOf(short).filter((word) => !allowed.has(word))).toEqual([])
  })

  it('capitalises the sentence after a cut opener and closes up comma pairs', () => {
    expect(shorten('Basically, the plan works. Really good work, team.')).toBe('The plan works. Good work, team.')
    expect(shorten('The draft is, basically, finished. We won, actually.')).toBe('The draft is finished. We won.')
    expect(shorten('It is really, really good.')).toBe('It is good.')
  })

  it('fixes the article when a cut changes the word after it', () => {
    expect(shorten('It was a very easy edit and an extremely useful one.')).toBe('It was an easy edit and a useful one.')
  })

  it('keeps intensifiers where dropping them would change the meaning', () => {
    const text = 'It is not very good. Thank you very much. We reached the very end.'
    expect(shorten(text)).toBe(text)
  })

  it('keeps "a number of" before a determiner, where "several" would not fit', () => {
    expect(shorten('A number of the chapters need work. A number of chapters need work.')).toBe(
      'A number of the chapters need work. Several chapters need work.'
    )
  })

  it('leaves text with nothing to cut, and the spacing around the cuts, as written', () => {
    const tight = 'The launch slipped a week.\n\nNobody minded  much.'
    expect(shorten(tight)).toBe(tight)
    expect(shorten('First  line.\n\nWe met in order to plan (basically everything).')).toBe('First  line.\n\nWe met to plan (everything).')
  })

  it('only ever replaces a phrase with something shorter', () => {
    for (const [wordy, concise] of [...WORDY_PHRASES, ...QUANTITY_PHRASES]) expect(concise.length, wordy).toBeLessThan(wordy.length)
    for (const filler of FILLERS) expect(shorten(`We ${filler} agreed.`)).toBe('We agreed.')
  })
})
