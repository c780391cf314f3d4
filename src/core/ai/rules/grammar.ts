import { apostropheOf } from './apostrophe'
import { articleEdits } from './articles'
import { confusionEdits } from './confusions'
import { applyEdits } from './edits'
import { fixPunctuation } from './punctuation'
import { contractionEdits, repeatedWordEdits } from './wordChecks'

/**
 * Corrects what rules can be sure of: repeated words, a/an, missing apostrophes, commonly
 * confused words, spacing, sentence capitals and a missing final full stop. Style advice
 * (passive voice, long sentences) is not applied; see styleHints.
 */
export function fixGrammar(text: string): string {
  const apostrophe = apostropheOf(text)
  // Repeated words go first so "a a apple" has one article left to correct.
  const deduplicated = applyEdits(text, repeatedWordEdits(text))
  const corrected = applyEdits(deduplicated, [
    ...articleEdits(deduplicated),
    ...contractionEdits(deduplicated, apostrophe),
    ...confusionEdits(deduplicated, apostrophe)
  ])
  return fixPunctuation(corrected)
}
