import { describe, expect, it } from 'vitest'
import { fixGrammar } from '../../../../../src/core/ai/rules/grammar'

describe('fixGrammar', () => {
  it('corrects a paragraph with the usual slips', () => {
    const draft =
      'i think the the launch went well. We could of shipped sooner , but its raining in the data center and a apple fell on the the server.  ' +
      'your welcome to check the logs,they are better then last week'
    expect(fixGrammar(draft)).toBe(
      "I think the launch went well. We could have shipped sooner, but it's raining in the data center and an apple fell on the server. " +
        "You're welcome to check the logs, they are better than last week."
    )
  })

  it('fixes each slip on its own', () => {
    expect(fixGrammar('We saw the the results.')).toBe('We saw the results.')
    expect(fixGrammar('You should of asked.')).toBe('You should have asked.')
    expect(fixGrammar('She ate a apple and an banana.')).toBe('She ate an apple and a banana.')
    expect(fixGrammar('Its raining again.')).toBe("It's raining again.")
    expect(fixGrammar('the plan works. what next? we wait.')).toBe('The plan works. What next? We wait.')
    expect(fixGrammar('We dont know yet.')).toBe("We don't know yet.")
    expect(fixGrammar('The company has it’s own rules.')).toBe('The company has its own rules.')
  })

  it('uses the apostrophe the writer uses', () => {
    expect(fixGrammar('It’s late and we dont know.')).toBe('It’s late and we don’t know.')
  })

  it('leaves correct writing alone', () => {
    const correct =
      'Dr. Smith met us at 3 p.m. on Friday, e.g. after lunch. The team has its own rules. "Stop!" she said. ' +
      'The new iPhone sold well... and the report was written by Anna. I would of course help.'
    expect(fixGrammar(correct)).toBe(correct)
  })

  it('adds a final full stop to a sentence but not to a heading', () => {
    expect(fixGrammar('We will ship on Monday')).toBe('We will ship on Monday.')
    expect(fixGrammar('Next Steps')).toBe('Next Steps')
  })

  it('outputs only the corrected text, with no style advice in it', () => {
    expect(fixGrammar('The budget was approved by the board.')).toBe('The budget was approved by the board.')
  })
})
