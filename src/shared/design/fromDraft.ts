import { wrapText } from './svgExport'
import type { DesignTemplate } from './templates'
import type { Canvas, Layer, TextLayer, TextRole } from './types'

// "Design from this draft": the few lines of a draft a graphic can carry, and a template filled
// with them. Deterministic heuristics, no AI: the same draft always gives the same design.

/** The copy a design takes from a draft. */
export interface DraftCopy {
  headline: string
  /** The body's most quotable sentence ('' for an empty body). */
  keyLine: string
  /** A short imperative for the button. */
  callToAction: string
}

const HEADLINE_MAX_CHARACTERS = 60
const KEY_LINE_MAX_CHARACTERS = 140
const ELLIPSIS = '…'
/** A fitted text is never set smaller than this share of the template's size (it is trimmed instead). */
const MIN_FONT_SCALE = 0.6
/** The smallest font size the layer schema accepts. */
const MIN_FONT_SIZE = 4

/** Words that mark a sentence as a claim worth quoting. */
const STRONG_WORDS = new Set([
  'best', 'biggest', 'every', 'everyone', 'fastest', 'first', 'free', 'never', 'always', 'new', 'only', 'proven',
  'record', 'secret', 'simple', 'today', 'ever', 'most', 'must', 'why', 'how', 'finally', 'without'
])

/** The first cue that matches decides the call to action; the order runs from most to least specific. */
const CALL_TO_ACTION_CUES: readonly { cue: RegExp; callToAction: string }[] = [
  { cue: /\b(events?|register|registration|rsvp|webinars?|workshops?|conferences?|meetups?|tickets?|summit)\b/i, callToAction: 'Save your seat' },
  { cue: /\b(sales?|discounts?|deals|coupons?|\d+\s?% off|promo|clearance|shop)\b/i, callToAction: 'Shop now' },
  { cue: /\b(hiring|vacanc(y|ies)|job openings?|careers?|apply (now|today|by|before|here))\b/i, callToAction: 'Apply now' },
  { cue: /\b(newsletter|subscribe|sign up|waitlist|join us)\b/i, callToAction: 'Sign up today' },
  { cue: /\b(download|install|app store)\b/i, callToAction: 'Download now' },
  { cue: /\b(launch(es|ed|ing)?|introducing|release[sd]?|new feature|now available|beta)\b/i, callToAction: 'Try it today' }
]
const DEFAULT_CALL_TO_ACTION = 'Read more'

/** The headline, key line and call to action for a draft's title and body text (one block per line). */
export function draftCopy(title: string, body: string): DraftCopy {
  const sentences = splitSentences(body)
  const headlineSource = collapseSpaces(title) || stripFinalPeriod(sentences[0] ?? '')
  const headline = trimToLength(headlineSource, HEADLINE_MAX_CHARACTERS)
  const keyLine = trimToLength(quotableSentence(sentences, headlineSource), KEY_LINE_MAX_CHARACTERS)
  const matched = CALL_TO_ACTION_CUES.find(({ cue }) => cue.test(`${title}\n${body}`))
  return { headline, keyLine, callToAction: matched?.callToAction ?? DEFAULT_CALL_TO_ACTION }
}

/** Sentences in reading order: each line is a block (a heading has no full stop), split again after . ! ? */
function splitSentences(body: string): string[] {
  return body
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?…]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u))
    .map(collapseSpaces)
    .filter(Boolean)
}

/** The highest-scoring sentence other than the headline: mid-length, early, with numbers or strong words. */
function quotableSentence(sentences: readonly string[], headline: string): string {
  const candidates = sentences.filter((sentence) => comparable(sentence) !== comparable(headline))
  let best = ''
  let bestScore = -Infinity
  candidates.forEach((sentence, index) => {
    const score = quotability(sentence, index)
    // Strictly greater: on a tie the earlier sentence wins.
    if (score > bestScore) {
      best = sentence
      bestScore = score
    }
  })
  return best
}

function quotability(sentence: string, index: number): number {
  const words = sentence.split(' ')
  const lengthScore = words.length >= 8 && words.length <= 25 ? 3 : words.length >= 5 && words.length <= 35 ? 1 : -2
  const earlyScore = Math.max(0, 2 - index * 0.25)
  const numberScore = /\p{N}/u.test(sentence) ? 2 : 0
  const strongWords = words.filter((word) => STRONG_WORDS.has(word.toLowerCase().replace(/[^\p{L}]/gu, ''))).length
  return lengthScore + earlyScore + numberScore + Math.min(strongWords, 2)
}

/** Text cut at a word boundary to at most `max` characters, ending with an ellipsis when cut. */
function trimToLength(text: string, max: number): string {
  if (text.length <= max) return text
  // The last space at or before max - 1 ends the longest whole-word prefix that leaves room for the ellipsis.
  const lastSpace = text.lastIndexOf(' ', max - ELLIPSIS.length)
  return withEllipsis(text.slice(0, lastSpace > 0 ? lastSpace : max - ELLIPSIS.length))
}

/** Words a cut line should not end on ("…record in…" reads worse than "…record…"). */
const DANGLING_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

const TRAILING_PUNCTUATION = /[\s,;:.!?…—–-]+$/u

function withEllipsis(text: string): string {
  const words = text.replace(TRAILING_PUNCTUATION, '').split(' ')
  while (words.length > 1 && DANGLING_WORDS.has(words.at(-1)?.toLowerCase() ?? '')) words.pop()
  return words.join(' ').replace(TRAILING_PUNCTUATION, '') + ELLIPSIS
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function stripFinalPeriod(sentence: string): string {
  return sentence.replace(/(?<!\.)\.$/, '')
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * The template built with the draft's copy: headline layers take the headline, subline layers
 * the key line (body layers too when the template has no subline), cta layers the call to
 * action. Other text, and copy the draft does not have, keep the template's text.
 */
export function fillTemplate(template: DesignTemplate, copy: DraftCopy, ids: () => string): { canvas: Canvas; layers: Layer[] } {
  const { canvas, layers } = template.build(ids)
  const hasSubline = layers.some((layer) => layer.type === 'text' && layer.role === 'subline')
  const copyFor: Record<TextRole, string> = {
    headline: copy.headline,
    subline: copy.keyLine,
    body: hasSubline ? '' : copy.keyLine,
    cta: copy.callToAction
  }
  return {
    canvas,
    layers: layers.map((layer) => {
      if (layer.type !== 'text' || !copyFor[layer.role]) return layer
      return fitText({ ...layer, text: copyFor[layer.role] })
    })
  }
}

/** The layer with its font shrunk (to no less than 60 % of its size) until its text fits the box, then trimmed if still too long. */
function fitText(layer: TextLayer): TextLayer {
  const minFontSize = Math.max(MIN_FONT_SIZE, Math.ceil(layer.fontSize * MIN_FONT_SCALE))
  for (let fontSize = layer.fontSize; fontSize >= minFontSize; fontSize = Math.ceil(fontSize) - 1) {
    if (fitsBox({ ...layer, fontSize })) return { ...layer, fontSize }
  }
  return { ...layer, fontSize: minFontSize, text: longestFittingPrefix({ ...layer, fontSize: minFontSize }) }
}

function fitsBox(layer: TextLayer): boolean {
  const lines = wrapText(layer.text, layer, layer.width).length
  return lines * layer.fontSize * layer.lineHeight <= layer.height
}

/** The most leading words of the text that fit with an ellipsis (at least the first word). */
function longestFittingPrefix(layer: TextLayer): string {
  const wordEnds = [...layer.text.matchAll(/\S+/g)].map((match) => match.index + match[0].length)
  const prefix = (count: number): string => withEllipsis(layer.text.slice(0, wordEnds[count - 1]))
  // Fitting only gets harder as words are added, so the longest fitting prefix is found by halving.
  let low = 1
  let high = wordEnds.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fitsBox({ ...layer, text: prefix(middle) })) low = middle
    else high = middle - 1
  }
  return prefix(low)
}
