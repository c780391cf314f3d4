import { agreeingArticle } from './articles'
import { matchCase, startsWithCapital } from './casing'
import { applyEdits } from './edits'
import { DETERMINERS, FILLERS, INTENSIFIERS, KEEP_INTENSIFIER_AFTER, KEEP_INTENSIFIER_BEFORE, QUANTITY_PHRASES, WORDY_PHRASES } from './shortenPhrases'
import { alternatives, phrasePattern, WORD_END, WORD_START } from './wordPattern'

// Cuts leave markers behind so the clean-up touches only the places that changed, never the
// writer's own spacing elsewhere. Both are Unicode noncharacters, which never occur in real text.
const CUT = '\uFDD0'
const CAPITALIZE_NEXT = '\uFDD1'

interface Cut {
  pattern: RegExp
  replace: (match: RegExpExecArray, text: string) => string
}

// Longest first: once "in close proximity to" is "near", "close proximity" cannot match inside it.
const longestFirst = (a: readonly [string, string], b: readonly [string, string]): number => b[0].length - a[0].length

const wordyCuts: Cut[] = [...WORDY_PHRASES].sort(longestFirst).map(([wordy, concise]) => ({
  pattern: new RegExp(phrasePattern(wordy), 'giu'),
  replace: ([match]) => CUT + matchCase(match, concise)
}))

const quantityCuts: Cut[] = [...QUANTITY_PHRASES].sort(longestFirst).map(([wordy, concise]) => ({
  pattern: new RegExp(`${phrasePattern(wordy)}(?!\\s+(?:${alternatives(DETERMINERS)})${WORD_END})`, 'giu'),
  replace: ([match]) => CUT + matchCase(match, concise)
}))

const fillerCut: Cut = {
  pattern: new RegExp(`(?<lead>,[ \\t]*)?(?<filler>${WORD_START}(?:${alternatives(FILLERS)})${WORD_END})(?<trail>,)?`, 'giu'),
  replace: (match, text) => {
    const { lead, filler = '', trail } = match.groups ?? {}
    if (!lead) return (startsWithCapital(filler) ? CAPITALIZE_NEXT : '') + CUT
    // A comma pair closes up; a lone leading comma stays unless punctuation follows.
    const end = match.index + match[0].length
    return trail || /^\s*[.!?;:]/.test(text.slice(end, end + 3)) ? CUT : lead + CUT
  }
}

const intensifierCut: Cut = {
  pattern: new RegExp(
    `(?<!(?:${WORD_START}(?:${alternatives(KEEP_INTENSIFIER_AFTER)})|n['’]t)\\s+)` +
      `${WORD_START}(?:${alternatives(INTENSIFIERS)})` +
      // "really, really good" loses both, the comma with the first.
      `(?:,(?=[ \\t]+(?:${alternatives(INTENSIFIERS)})${WORD_END}))?` +
      `(?=[ \\t]+(?!(?:${alternatives(KEEP_INTENSIFIER_BEFORE)})${WORD_END})\\p{L})`,
    'giu'
  ),
  replace: ([match]) => (startsWithCapital(match) ? CAPITALIZE_NEXT : '') + CUT
}

const CUTS: readonly Cut[] = [...wordyCuts, ...quantityCuts, fillerCut, intensifierCut]

function applyCut(text: string, cut: Cut): string {
  const edits = Array.from(text.matchAll(cut.pattern), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    replacement: cut.replace(match, text)
  }))
  return applyEdits(text, edits)
}

/** A sentence whose opening words were cut starts with its next word, capitalised. */
function capitalizeAfterCuts(text: string): string {
  return text.replace(new RegExp(`${CAPITALIZE_NEXT}([${CUT}\\s]*)(\\p{Ll})`, 'gu'), (_match, gap: string, letter: string) => gap + letter.toUpperCase())
}

/** "a very easy task" loses "very" and becomes "an easy task". */
function fixArticlesBeforeCuts(text: string): string {
  return text.replace(
    new RegExp(`${WORD_START}(an?)(\\s+)((?:${CUT}[ \\t]*)+)(\\p{L}[\\p{L}\\p{N}]*)`, 'giu'),
    (_match, article: string, space: string, cuts: string, word: string) => agreeingArticle(article, word) + space + cuts + word
  )
}

/** Removes the markers with the spaces around them, leaving one space between words and none before punctuation. */
function closeUpCuts(text: string): string {
  return text.replace(new RegExp(`([ \\t]*)${CUT}(?:[ \\t]*${CUT})*([ \\t]*)`, 'g'), (match, before: string, after: string, offset: number) => {
    const previous = text.charAt(offset - 1)
    const next = text.charAt(offset + match.length)
    if (previous === '' || /[\n(["“‘]/.test(previous) || next === '' || /[\s.,;:!?)\]]/.test(next)) return ''
    return before && after ? ' ' : before + after
  })
}

/**
 * Cuts wordiness: wordy phrases become their short forms, fillers and intensifiers go. Only
 * words from the text or from the phrase list appear in the result; text with nothing to cut
 * comes back unchanged.
 */
export function shorten(text: string): string {
  const marked = CUTS.reduce(applyCut, text)
  return closeUpCuts(fixArticlesBeforeCuts(capitalizeAfterCuts(marked)))
}
