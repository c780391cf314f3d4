import retextEnglish from 'retext-english'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import retextSimplify from 'retext-simplify'
import { unified } from 'unified'
import { messageRange, runRetext } from './retext'

export type StyleHintKind = 'passive-voice' | 'hard-to-read' | 'simpler-word'

/** Advice on a stretch of the text, for the editor to underline; never applied automatically. */
export interface StyleHint {
  message: string
  start: number
  end: number
  kind: StyleHintKind
}

const styleChecks = unified().use(retextEnglish).use(retextPassive).use(retextReadability).use(retextSimplify)

const quoted = (words: string): string => `“${words}”`

/** Passive voice, hard-to-read sentences and words with simpler alternatives, in text order. */
export function styleHints(text: string): StyleHint[] {
  const hints: StyleHint[] = []
  for (const message of runRetext(styleChecks, text).messages) {
    const range = messageRange(message)
    if (!range) continue
    const actual = text.slice(range.start, range.end)
    const expected = message.expected ?? []
    if (message.source === 'retext-passive') {
      hints.push({ ...range, kind: 'passive-voice', message: `${quoted(actual)} is passive voice. Saying who does it is usually clearer.` })
    } else if (message.source === 'retext-readability') {
      hints.push({ ...range, kind: 'hard-to-read', message: 'This sentence is hard to read. Try splitting it or using shorter words.' })
    } else if (message.source === 'retext-simplify' && expected.length > 0) {
      // Suggestions with no alternative ("It is", remove it) are too often wrong to show.
      hints.push({ ...range, kind: 'simpler-word', message: `${quoted(actual)} could be simpler: ${expected.map(quoted).join(' or ')}.` })
    }
  }
  return hints.sort((a, b) => a.start - b.start || a.end - b.end)
}
