import retextContractions from 'retext-contractions'
import retextEnglish from 'retext-english'
import retextRepeatedWords from 'retext-repeated-words'
import { unified } from 'unified'
import type { Apostrophe } from './apostrophe'
import { matchCase } from './casing'
import type { TextEdit } from './edits'
import { messageRange, runRetext, type RetextPipeline } from './retext'

const repeatedWordsCheck = unified().use(retextEnglish).use(retextRepeatedWords)
const contractionChecks = {
  "'": unified().use(retextEnglish).use(retextContractions, { straight: true }),
  '’': unified().use(retextEnglish).use(retextContractions, { straight: false })
} satisfies Record<Apostrophe, RetextPipeline>

/** Edits keeping one of each repeated word: "the the" → "the", "the the the" → "the". */
export function repeatedWordEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  for (const message of runRetext(repeatedWordsCheck, text).messages) {
    const range = messageRange(message)
    if (!range) continue
    const previous = edits.at(-1)
    // A run of three reports two overlapping pairs; they make one edit.
    if (previous && range.start < previous.end) previous.end = range.end
    else edits.push({ ...range, replacement: /^\S+/.exec(text.slice(range.start, range.end))?.[0] ?? '' })
  }
  return edits
}

/** Edits restoring the apostrophe in "dont", "isnt", "youre" and the like. */
export function contractionEdits(text: string, apostrophe: Apostrophe): TextEdit[] {
  const edits: TextEdit[] = []
  for (const message of runRetext(contractionChecks[apostrophe], text).messages) {
    const range = messageRange(message)
    const expected = message.expected?.[0]
    if (!range || expected === undefined) continue
    edits.push({ ...range, replacement: matchCase(text.slice(range.start, range.end), expected) })
  }
  return edits
}
