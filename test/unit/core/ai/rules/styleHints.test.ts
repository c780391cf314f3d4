import { describe, expect, it } from 'vitest'
import { styleHints } from '../../../../../src/core/ai/rules/styleHints'

const TEXT =
  'The report was written by Anna. We utilize the tools we have. ' +
  'The quarterly planning process, which has been revised several times by the finance department in consultation with regional managers and external auditors, is expected to be finalized before the end of the fiscal year.'

describe('styleHints', () => {
  it('points at passive voice, hard sentences and simpler words, in text order', () => {
    const hints = styleHints(TEXT)
    const at = (kind: string) => hints.filter((hint) => hint.kind === kind).map((hint) => TEXT.slice(hint.start, hint.end))
    expect(at('passive-voice')).toContain('written')
    expect(at('simpler-word')).toEqual(['utilize'])
    expect(at('hard-to-read')).toEqual([TEXT.slice(TEXT.indexOf('The quarterly'))])
    expect(hints.map((hint) => hint.start)).toEqual([...hints.map((hint) => hint.start)].sort((a, b) => a - b))
  })

  it('says in plain words what to do', () => {
    const messages = styleHints(TEXT).map((hint) => hint.message)
    expect(messages).toContain('“written” is passive voice. Saying who does it is usually clearer.')
    expect(messages).toContain('“utilize” could be simpler: “use”.')
  })

  it('has nothing to say about plain, active writing', () => {
    expect(styleHints('Anna wrote the report. We use the tools we have.')).toEqual([])
  })
})
