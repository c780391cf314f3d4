import { fitToBudget } from './copyBudget'

// A model's answer to "3 variants of this copy, one per line" turned into clean variants. Models
// number lines, add bullets, Markdown, quotation marks and a chatty first line; some answer with
// one endless line or with markup. Only plain lines survive, each cut to the box's budget.

/** How many variants are asked for and kept. */
export const COPY_VARIANT_COUNT = 3
/** Longer answers are not read further (three short lines are a few hundred characters). */
const MAX_ANSWER_CHARS = 20_000
/** Lines read before giving up on an answer that is mostly not variants. */
const MAX_LINES = 60

/** Script and style elements go with their content; line-like elements end a line; other tags just go. */
const HIDDEN_ELEMENT = /<(script|style)\b[^>]{0,200}>[\s\S]*?(?:<\/\1\s*>|$)/gi
const LINE_TAG = /<(?:br|\/?p|\/?li|\/?div|\/?ul|\/?ol|\/?h[1-6])\b[^<>]{0,200}>/gi
const TAG = /<\/?[a-z][^<>]{0,200}>/gi
const CONTROL = /[\p{Cc}\p{Cf}]/gu
/** "1.", "2)", "(3)", "-", "*", "•", "a)", "Variant 2:", "Option B -" at a line's start. */
const LIST_MARKER = /^\s*(?:(?:variant|option|version|idea)\s*(?:\d{1,2}|[a-c])?\s*(?::|[.)–—-](?=\s))\s*|\(?\d{1,2}[.):]\s+|\(?[a-c]\)\s+|[-*•·+>–—]+\s*)/iu
const HEADING = /^#{1,6}\s*/
const EMPHASIS = /(\*\*|__|\*|`+|~~)/g
const QUOTES = /^["'“”‘’«»„]+|["'“”‘’«»„]+$/gu
/** Chatter around the variants rather than a variant: "Here are three variants:", "Sure!". */
const CHATTER = /:$|^(?:sure|certainly|of course|okay)\b[^\p{L}]*$|^(?:here|below|these)\b.*\b(?:variants?|versions?|options?|ideas?|alternatives?|suggestions?)\b/iu

/** One line of an answer as plain copy, or '' when nothing is left of it. */
function plainLine(line: string): string {
  let text = line.replace(CONTROL, ' ').replace(HEADING, '')
  // Markers can stack ("- 1. **Bold**"); strip them until none is left.
  for (let previous = ''; previous !== text; ) {
    previous = text
    text = text.replace(LIST_MARKER, '').replace(EMPHASIS, '').trim().replace(QUOTES, '').trim()
  }
  return text.replace(/\s+/g, ' ')
}

/** One line of an answer as a variant cut to `maxChars`, or '' when it is no copy (chatter, punctuation, nothing). */
export function copyLine(line: string, maxChars: number): string {
  const text = plainLine(line)
  if (!text || CHATTER.test(text) || !/[\p{L}\p{N}]/u.test(text)) return ''
  return fitToBudget(text, maxChars)
}

/**
 * The variants in a model's answer: one per line, list markers, Markdown, markup and quotation
 * marks stripped, chatter lines dropped, each cut to `maxChars` at a word boundary, duplicates
 * dropped (a variant in other capitals is a variant: "LEARN MORE" is a style); at most
 * COPY_VARIANT_COUNT. Empty when the answer holds none.
 */
export function parseCopyVariants(answer: string, maxChars: number): string[] {
  const lines = answer.slice(0, MAX_ANSWER_CHARS).replace(HIDDEN_ELEMENT, '\n').replace(LINE_TAG, '\n').replace(TAG, '').split(/\r\n|\r|\n|\u2028|\u2029/).slice(0, MAX_LINES)
  const variants: string[] = []
  const seen = new Set<string>()
  for (const line of lines) {
    const variant = copyLine(line, maxChars)
    if (!variant || seen.has(variant)) continue
    seen.add(variant)
    variants.push(variant)
    if (variants.length === COPY_VARIANT_COUNT) break
  }
  return variants
}
