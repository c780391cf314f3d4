import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../../../src/core/ai/rules/sentences'
import { summarize, summaryLength } from '../../../../../src/core/ai/rules/summarize'
import { E_READER_REVIEW, LIBRARY_NEWS, REMOTE_WORK } from './paragraphs'

const sentencesOf = (text: string): string[] => splitSentences(text).map((sentence) => sentence.text)

describe('summarize', () => {
  it('gives a short news story its lead sentence', () => {
    expect(summarize(LIBRARY_NEWS)).toBe('The city council approved a new budget for public libraries on Tuesday.')
  })

  it('picks the lead and the most central sentences, quoted as written, in their original order', () => {
    const summary = summarize(E_READER_REVIEW)
    const chosen = sentencesOf(summary)
    const all = sentencesOf(E_READER_REVIEW)
    expect(chosen).toHaveLength(2)
    expect(chosen[0]).toBe(all[0])
    expect(chosen.every((sentence) => all.includes(sentence))).toBe(true)
    expect(chosen.map((sentence) => all.indexOf(sentence))).toEqual([...chosen.map((sentence) => all.indexOf(sentence))].sort((a, b) => a - b))
    // Every chosen sentence is about the battery; the asides about weather and journalists are not.
    expect(chosen.every((sentence) => /battery/i.test(sentence))).toBe(true)
  })

  it('writes bullets as "- " lines', () => {
    const bullets = summarize(REMOTE_WORK, 'bullets').split('\n')
    expect(bullets).toHaveLength(2)
    expect(bullets[0]).toBe('- Remote work has changed how small teams plan their weeks.')
    for (const bullet of bullets) expect(bullet).toMatch(/^- \S/)
  })

  it('keeps about a quarter of the sentences, at least one and at most five', () => {
    expect([1, 4, 8, 12, 40].map(summaryLength)).toEqual([1, 1, 2, 3, 5])
    expect(summarize('One short sentence.')).toBe('One short sentence.')
  })

  it('folds line breaks inside a chosen sentence into spaces', () => {
    expect(summarize('The plan\nworks well.')).toBe('The plan works well.')
  })
})
