import { describe, expect, it } from 'vitest'
import type { DesignCopyRequest } from '../../../../../src/shared/ai/designRequests'
import { copyVariantsByRules } from '../../../../../src/core/ai/rules/designCopy'
import { designAnswer } from '../../../../../src/core/ai/rules/designRules'
import { RulesProvider } from '../../../../../src/core/ai/rules/rulesProvider'
import { parseCopyVariants } from '../../../../../src/shared/design/copyVariants'
import { fallbackMoodPalette, parseMoodPalette } from '../../../../../src/shared/design/palette'
import { TextRoleSchema } from '../../../../../src/shared/design/types'

const copy = (changes: Partial<DesignCopyRequest>): DesignCopyRequest => ({ role: 'headline', text: 'Something big is on the way', context: [], maxChars: 40, ...changes })

describe('copy variants by rules', () => {
  it('re-cases a headline: title case, an exclamation, capitals', () => {
    expect(copyVariantsByRules(copy({}))).toEqual(['Something Big Is on the Way', 'Something big is on the way!', 'SOMETHING BIG IS ON THE WAY'])
  })

  it('shortens wordy copy and cuts every variant to the budget at a word boundary', () => {
    const variants = copyVariantsByRules(copy({ text: 'In order to celebrate our very first anniversary, we are having a really big sale', maxChars: 40 }))
    expect(variants[0]).toBe('To Celebrate Our Very First Anniversary')
    for (const variant of variants) expect(variant.length).toBeLessThanOrEqual(40)
  })

  it('turns a call to action into an imperative and offers the usual phrasings for what it asks', () => {
    expect(copyVariantsByRules(copy({ role: 'cta', text: 'Click here to sign up', maxChars: 30 }))).toEqual(['Sign up', 'Join now', 'Register today'])
    expect(copyVariantsByRules(copy({ role: 'cta', text: 'Learn more', maxChars: 14 }))).toEqual(['Find out more', 'See what’s new', 'Learn More'])
  })

  it('reads what a call to action is for from the rest of the design when its own words do not say', () => {
    expect(copyVariantsByRules(copy({ role: 'cta', text: 'Tickets', context: ['Summer concert', 'Book before the event sells out'], maxChars: 30 }))).toEqual([
      'Book your place',
      'Reserve a seat',
      'Save your spot'
    ])
    expect(copyVariantsByRules(copy({ role: 'cta', text: 'Now', context: ['Summer sale', 'Up to 50% off'], maxChars: 30 }))[0]).toBe('Shop now')
  })

  it('offers a subline with its full stop and its first clause', () => {
    expect(copyVariantsByRules(copy({ role: 'subline', text: 'Version 2.0 is here: offline first, faster, and free to try', maxChars: 80 })).slice(0, 2)).toEqual([
      'Version 2.0 is here: offline first, faster, and free to try.',
      'Version 2.0 is here'
    ])
  })

  it('never offers the copy as it is, and lowers shouting before re-casing it', () => {
    const variants = copyVariantsByRules(copy({ text: 'BIG NEWS TODAY' }))
    expect(variants).not.toContain('BIG NEWS TODAY')
    expect(variants).toEqual(['Big News Today', 'Big news today!', 'Big news today'])
  })

  it('always answers copy with a word in it with 1 to 3 variants within the budget, the same each time, for every role', () => {
    for (const role of TextRoleSchema.options) {
      for (const request of [copy({ role }), copy({ role, text: '“Go”', maxChars: 1 }), copy({ role, text: 'x'.repeat(300), maxChars: 12 }), copy({ role, text: 'Go', maxChars: 2 })]) {
        const variants = copyVariantsByRules(request)
        expect(variants.length).toBeGreaterThanOrEqual(1)
        expect(variants.length).toBeLessThanOrEqual(3)
        for (const variant of variants) expect(Array.from(variant).length).toBeLessThanOrEqual(request.maxChars)
        expect(copyVariantsByRules(request)).toEqual(variants)
      }
    }
  })

  it('says so, rather than answering, for copy with no word in it (a lone quotation mark)', () => {
    expect(copyVariantsByRules(copy({ text: '“', maxChars: 1 }))).toEqual([])
    expect(() => designAnswer({ task: 'designCopy', request: copy({ text: '“ —', maxChars: 10 }) })).toThrow(/no words/)
  })

  it('answers in the form asked of models, so the same parser reads it back unchanged', () => {
    for (const role of TextRoleSchema.options) {
      const request = copy({ role, text: '- 1. Join us on 12 June: doors open at 7pm', maxChars: 45 })
      expect(parseCopyVariants(designAnswer({ task: 'designCopy', request }), request.maxChars)).toEqual(copyVariantsByRules(request))
    }
  })
})

describe('rule-based design help', () => {
  async function streamed(request: Parameters<typeof designAnswer>[0]): Promise<string> {
    let text = ''
    for await (const chunk of new RulesProvider().stream({ messages: [], maxTokens: 100, design: request }, { signal: new AbortController().signal, connectTimeoutMs: 1000 })) text += chunk
    return text
  }

  it('streams copy variants one a line', async () => {
    expect(await streamed({ task: 'designCopy', request: copy({}) })).toBe('Something Big Is on the Way\nSomething big is on the way!\nSOMETHING BIG IS ON THE WAY')
  })

  it('answers a mood with the colour rules’ palette as the JSON models are asked for', async () => {
    const answer = await streamed({ task: 'moodPalette', request: { mood: 'calm autumn morning' } })
    expect(parseMoodPalette(answer)).toEqual(fallbackMoodPalette('calm autumn morning'))
  })
})
