import { describe, expect, it } from 'vitest'
import { headlines } from '../../../../../src/core/ai/rules/headlines'
import { LIBRARY_NEWS, REMOTE_WORK } from './paragraphs'

describe('headlines', () => {
  it('suggests five distinct headlines about the main key phrase', () => {
    const ideas = headlines(REMOTE_WORK)
    expect(ideas).toHaveLength(5)
    expect(new Set(ideas.map((idea) => idea.toLowerCase())).size).toBe(5)
    for (const idea of ideas) expect(idea).toContain('Remote Work')
    expect(ideas).toContain('Why Remote Work Matters')
    expect(ideas).toContain('Remote Work: What You Need to Know')
  })

  it('writes each as one title-cased line with no list marker, one of them led by a number', () => {
    const ideas = headlines(REMOTE_WORK)
    for (const idea of ideas) {
      expect(idea).not.toMatch(/\n|^\s*(?:[-*•]|\d+[.)])\s/)
      expect(idea.charAt(0)).toBe(idea.charAt(0).toUpperCase())
    }
    expect(ideas.filter((idea) => /^\d+ /.test(idea))).toHaveLength(1)
  })

  it('agrees the verb with a plural key phrase', () => {
    const ideas = headlines(LIBRARY_NEWS)
    expect(ideas).toContain('Why Library Hours Matter')
    expect(ideas).toContain('How Library Hours Are Changing')
  })

  it('is deterministic and has nothing to offer without a noun', () => {
    expect(headlines(REMOTE_WORK)).toEqual(headlines(REMOTE_WORK))
    expect(headlines('Go!')).toEqual([])
  })
})
