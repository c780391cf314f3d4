import { describe, expect, it } from 'vitest'
import { cleanAltText } from '../../../../../src/core/ai/altText/cleanAltText'
import { MAX_ALT_TEXT_CHARS } from '../../../../../src/shared/contracts/altText'

describe('cleanAltText', () => {
  it('keeps a good sentence as it is', () => {
    expect(cleanAltText('A dark harbour at night.')).toBe('A dark harbour at night.')
    expect(cleanAltText('  A white sail on a bright sea!  ')).toBe('A white sail on a bright sea!')
  })

  it('makes a caption model’s fragment a sentence', () => {
    expect(cleanAltText('a man riding a bike down a street ')).toBe('A man riding a bike down a street.')
  })

  it('keeps the first sentence only, not stopping at abbreviations or initials', () => {
    expect(cleanAltText('A crowd on St. Mark’s Square at dusk. Pigeons fly overhead. The light is warm.')).toBe('A crowd on St. Mark’s Square at dusk.')
    expect(cleanAltText('A portrait of J. Smith at her desk. She smiles.')).toBe('A portrait of J. Smith at her desk.')
    // A line break ends a sentence too.
    expect(cleanAltText('Three boats in the harbour\nThe water is calm.')).toBe('Three boats in the harbour.')
  })

  it('drops preambles, labels and “image of”', () => {
    expect(cleanAltText('Here is the alt text: A dark harbour at night.')).toBe('A dark harbour at night.')
    expect(cleanAltText('Sure! Alt text: "A dark harbour at night."')).toBe('A dark harbour at night.')
    expect(cleanAltText('Image of a dark harbour at night.')).toBe('A dark harbour at night.')
    expect(cleanAltText('Here is a one-sentence description:\n\nA dark harbour at night.\n\nLet me know if you need more.')).toBe('A dark harbour at night.')
    expect(cleanAltText('An image showing boats moored at a pier.')).toBe('Boats moored at a pier.')
  })

  it('strips Markdown, HTML, quotation marks and control characters', () => {
    expect(cleanAltText('**Alt text:** *A dark* harbour at `night`.')).toBe('A dark harbour at night.')
    expect(cleanAltText('# A dark harbour at night')).toBe('A dark harbour at night.')
    expect(cleanAltText('<p>A <b>dark</b> harbour<script>alert(1)</script> at night.</p>')).toBe('A dark harbour at night.')
    expect(cleanAltText('“A dark harbour at night.”')).toBe('A dark harbour at night.')
    expect(cleanAltText("'A dark harbour at night.'")).toBe('A dark harbour at night.')
    expect(cleanAltText('A [dark harbour](https://evil.example/x) at night.')).toBe('A dark harbour at night.')
    expect(cleanAltText('A dark\u0000 harbour\u202e at\u200b night.')).toBe('A dark harbour at night.')
    expect(cleanAltText('```\nA dark harbour at night.\n```')).toBe('A dark harbour at night.')
    // Apostrophes inside the sentence stay.
    expect(cleanAltText('The harbour’s lights at night.')).toBe('The harbour’s lights at night.')
  })

  it('cuts a huge answer to one sentence of at most 250 characters at a word boundary', () => {
    const huge = `A ${'very '.repeat(200_000)}long pier.`
    const text = cleanAltText(huge)
    expect(text.length).toBeLessThanOrEqual(MAX_ALT_TEXT_CHARS)
    expect(text).toMatch(/^A very very .* very…$/)
    const run = cleanAltText('x'.repeat(10_000))
    expect(run.length).toBe(MAX_ALT_TEXT_CHARS)
    expect(run.endsWith('…')).toBe(true)
  })

  it('leaves nothing of an empty answer, markup only, or a refusal', () => {
    for (const answer of ['', '   ', '<br/>', '** **', '""', "I'm sorry, I can't help with identifying that image.", 'I cannot see images.', 'Sorry, no.']) {
      expect(cleanAltText(answer)).toBe('')
    }
  })
})
