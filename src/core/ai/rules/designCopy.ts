import type { DesignCopyRequest } from '../../../shared/ai/designRequests'
import { COPY_VARIANT_COUNT, copyLine } from '../../../shared/design/copyVariants'
import type { TextRole } from '../../../shared/design/types'
import { capitalize, titleCase } from './casing'
import { splitSentences, wordsOf } from './sentences'
import { shorten } from './shorten'

// Copy variants without a model: the copy shortened, re-cased and cut to the box, and for a call
// to action the usual phrasings of what the button asks for. The same request always gives the
// same variants, and copy with a word in it always gets at least one.

interface CtaGroup {
  /** A call to action starting with one of these verbs belongs to the group... */
  verbs: readonly string[]
  /** ...and so does one on a design mentioning one of these words. */
  cues: readonly string[]
  phrases: readonly string[]
}

const CTA_GROUPS: readonly CtaGroup[] = [
  { verbs: ['book', 'reserve', 'save'], cues: ['ticket', 'tickets', 'seat', 'seats', 'event', 'workshop', 'tour'], phrases: ['Book your place', 'Reserve a seat', 'Save your spot'] },
  { verbs: ['sign', 'register', 'join', 'subscribe', 'enrol', 'enroll', 'rsvp'], cues: ['newsletter', 'members', 'membership', 'community', 'club', 'webinar'], phrases: ['Sign up', 'Join now', 'Register today'] },
  { verbs: ['shop', 'buy', 'order', 'grab'], cues: ['sale', 'shop', 'offer', 'discount', 'deal', 'price', 'store', 'off'], phrases: ['Shop now', 'Get yours', 'Order today'] },
  { verbs: ['download', 'install', 'try', 'start'], cues: ['app', 'trial', 'download', 'software'], phrases: ['Get started', 'Try it free', 'Download now'] },
  { verbs: ['donate', 'support', 'give', 'help'], cues: ['charity', 'donation', 'donations', 'fundraiser', 'appeal', 'volunteer'], phrases: ['Donate now', 'Support us', 'Give today'] },
  { verbs: ['contact', 'call', 'visit', 'email', 'message', 'write'], cues: ['contact', 'visit', 'open', 'opening'], phrases: ['Get in touch', 'Visit us', 'Call us today'] },
  { verbs: ['learn', 'discover', 'explore', 'read', 'see', 'find', 'watch'], cues: [], phrases: ['Learn more', 'Find out more', 'See what’s new'] }
]
const DEFAULT_CTA_GROUP = CTA_GROUPS[CTA_GROUPS.length - 1] as CtaGroup

/** Openings a call to action does without: "Click here to sign up" is "Sign up". */
const CTA_OPENING = /^(?:please\s+|(?:click|tap)\s+(?:here\s+)?(?:to\s+)?|you\s+can\s+|why\s+not\s+|feel\s+free\s+to\s+|don['’]t\s+forget\s+to\s+)/i

/** One line, single spaces, no trailing comma, colon or full stop. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\s,;:.]+$/, '')
}

/** Sentence case; copy in capitals is lowered first (an all-caps headline is a style, not its words). */
function sentenceCase(text: string): string {
  const shouting = /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)
  return capitalize(shouting ? text.toLowerCase() : text)
}

/** The text with a closing mark when it has none and the mark still fits the budget. */
function withEnding(text: string, ending: string, maxChars: number): string {
  return /[.!?…]$/.test(text) || Array.from(text).length >= maxChars ? text : text + ending
}

/** The first clause (up to a comma, semicolon, colon or dash) when the text has more and it has 3 words or more; else ''. */
function firstClause(text: string): string {
  const clauses = text.split(/\s*[,;:–—]\s+|\s+-\s+/)
  const first = clauses[0] ?? ''
  return clauses.length > 1 && wordsOf(first).length >= 3 ? first : ''
}

function ctaGroup(text: string, context: readonly string[]): CtaGroup {
  const first = wordsOf(text)[0] ?? ''
  const byVerb = CTA_GROUPS.find((group) => group.verbs.includes(first))
  if (byVerb) return byVerb
  const words = new Set(wordsOf([text, ...context].join(' ')))
  return CTA_GROUPS.find((group) => group.cues.some((cue) => words.has(cue))) ?? DEFAULT_CTA_GROUP
}

/** The candidates for each role, best first; the copy itself may be among them and is skipped. */
function roleCandidates(role: TextRole, text: string, short: string, context: readonly string[], maxChars: number): string[] {
  switch (role) {
    case 'headline':
      return [titleCase(sentenceCase(short)), withEnding(sentenceCase(short), '!', maxChars)]
    case 'subline':
      return [withEnding(sentenceCase(short), '.', maxChars), sentenceCase(firstClause(short))]
    case 'cta': {
      const direct = sentenceCase(clean(text.replace(CTA_OPENING, '')))
      return [direct, ...ctaGroup(direct, context).phrases]
    }
    case 'body':
      return [withEnding(sentenceCase(short), '.', maxChars), splitSentences(text)[0]?.text ?? short, sentenceCase(firstClause(short))]
  }
}

/**
 * Up to COPY_VARIANT_COUNT variants of the copy, each within the budget: at least one (the copy
 * itself when nothing else differs), unless it has no letter or digit at all.
 */
export function copyVariantsByRules({ role, text, context, maxChars }: DesignCopyRequest): string[] {
  const original = text.replace(/\s+/g, ' ').trim()
  const short = clean(shorten(original))
  // After the role's own ideas, the copy in other capitals: title case, all capitals, sentence case.
  const candidates = [...roleCandidates(role, original, short, context, maxChars), titleCase(sentenceCase(short)), short.toUpperCase(), sentenceCase(short)]
  const variants: string[] = []
  for (const candidate of candidates) {
    // Read as a model's line is read, so the answer parses back to exactly these variants.
    const variant = copyLine(candidate, maxChars)
    if (variant && variant !== original && !variants.includes(variant)) variants.push(variant)
    if (variants.length === COPY_VARIANT_COUNT) break
  }
  if (variants.length > 0) return variants
  const asItIs = copyLine(original, maxChars)
  return asItIs ? [asItIs] : []
}
