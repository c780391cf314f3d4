import { applyEdits, type TextEdit } from './edits'

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(
  (
    'etc vs mr mrs ms dr prof st jr sr no nos fig figs approx cf al inc ltd co corp dept est vol ch pp ed eds min max misc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun'
  ).split(' ')
)

// A lower-case word that only needs its first letter raised: "iPhone" and "eBay" are left alone.
const LOWER_CASE_WORD = '(\\p{Ll})(?=[\\p{Ll}\'’-]*(?![\\p{L}\\p{N}]))'

/** One space between words, none before a comma or full stop, one after a comma between words. */
function fixSpacing(text: string): string {
  return text
    .replace(/(?<=\S) {2,}(?=\S)/g, ' ')
    .replace(/(?<=[\p{L}\p{N}]) +(?=[,;:!?]|\.(?!\.))/gu, '')
    .replace(/(?<=\p{L}),(?=\p{L})/gu, ', ')
}

function sentenceStartEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  const first = new RegExp(`^[\\s"“‘(]*${LOWER_CASE_WORD}`, 'u').exec(text)
  if (first?.[1]) edits.push({ start: first[0].length - 1, end: first[0].length, replacement: first[1].toUpperCase() })
  // After ". " "! " "? ", but not after an ellipsis, "e.g." or "Dr." nor inside a quotation ("Stop!" she said).
  for (const match of text.matchAll(new RegExp(`([\\p{L}\\p{N}]+)([.!?])\\s+${LOWER_CASE_WORD}`, 'gu'))) {
    const [whole, word = '', stop, letter = ''] = match
    const before = text.charAt(match.index - 1)
    const abbreviation = stop === '.' && (before === '.' || word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))
    if (abbreviation) continue
    const end = match.index + whole.length
    edits.push({ start: end - 1, end, replacement: letter.toUpperCase() })
  }
  return edits
}

/**
 * A full stop after a last sentence that has none. Short lines and title-like lines ("Next
 * Steps", "Remote work") are headings, which go without one.
 */
function addFinalStop(text: string): string {
  const body = text.trimEnd()
  if (!/[\p{L}\p{N}]$/u.test(body)) return text
  const words = (body.split('\n').at(-1) ?? '').trim().split(/\s+/)
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
  if (words.length < 4 || capitalised > words.length / 2) return text
  return `${body}.${text.slice(body.length)}`
}

/** Spacing, capitals at sentence starts and a final full stop. */
export function fixPunctuation(text: string): string {
  const spaced = fixSpacing(text)
  return addFinalStop(applyEdits(spaced, sentenceStartEdits(spaced)))
}
