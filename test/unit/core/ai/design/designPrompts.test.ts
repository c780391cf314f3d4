import { describe, expect, it } from 'vitest'
import { copyCompletion, paletteCompletion } from '../../../../../src/core/ai/design/designPrompts'
import type { DesignCopyRequest } from '../../../../../src/shared/ai/designRequests'

const request: DesignCopyRequest = { role: 'cta', text: 'Learn\n  more', context: ['Something big is on the way', '  ', 'x'.repeat(3000)], maxChars: 14 }

describe('design prompts', () => {
  it('asks for three variants of the role within the budget, one a line, with the design’s other text as context', () => {
    const completion = copyCompletion(request)
    const prompt = completion.messages.at(-1)?.content ?? ''
    expect(prompt).toContain('3 alternative versions of the call to action on a button')
    expect(prompt).toContain('at most 14 characters long and start with a verb')
    expect(prompt).toContain('one version per line')
    expect(prompt).toContain('Learn more')
    expect(prompt).toContain('- Something big is on the way')
    // Context is bounded: a huge text layer does not go along.
    expect(prompt).not.toContain('x'.repeat(3000))
    expect(completion.design).toEqual({ task: 'designCopy', request })
    expect(completion.json).toBeUndefined()
  })

  it('keeps the answer short but never too short for three lines', () => {
    expect(copyCompletion(request).maxTokens).toBe(60)
    expect(copyCompletion({ ...request, maxChars: 5000 }).maxTokens).toBe(1000)
  })

  it('refuses copy answers without a usable line and palette answers that are not a palette', () => {
    const copy = copyCompletion(request)
    expect(copy.check?.('Find out more\nSee more')).toBeUndefined()
    expect(copy.check?.('Here are some ideas:\n\n')).toBe('with no usable line of copy')
    const palette = paletteCompletion({ mood: 'calm' })
    expect(palette.json).toBe(true)
    expect(palette.messages.at(-1)?.content).toContain('{"colors": ["#rrggbb"')
    expect(palette.check?.('{"colors": ["#ffffff", "#112233", "#445566"]}')).toBeUndefined()
    expect(palette.check?.('Soft blues.')).toMatch(/palette of 3 to 6/)
  })
})
