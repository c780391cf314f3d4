import { MAX_ALT_TEXT_CHARS } from '../../../shared/contracts/altText'

/** Only the start of an answer is read: alt text is one sentence, however much a model writes. */
const READ_CHARS = 4_000

/** Words ending in a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'no', 'vs', 'etc', 'e.g', 'i.e', 'approx'])

/** A model's refusal ("I'm sorry, I can't…") is no description. */
const REFUSAL = /^(?:i'?m sorry|i am sorry|sorry\b|i can(?:no|')t\b|i am unable|i'm unable|as an ai\b)/i

function stripMarkup(text: string): string {
  return (
    text
      // Code fences and inline code keep their content.
      .replace(/```[a-z]*\n?/gi, ' ')
      .replace(/`/g, '')
      // Images and links keep their text, not their address.
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      // HTML or XML tags; comments, scripts and styles with their content.
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?[a-z][^>]*>?/gi, ' ')
      // Markdown headings, quotes, bullets and numbering at the start of a line.
      .replace(/^[ \t]*(?:#{1,6}|>+|[-*+•]|\d+[.)])[ \t]+/gm, '')
      // Emphasis markers.
      .replace(/(\*{1,3}|_{2,3}|~~)(\S[\s\S]*?)\1/g, '$2')
      .replace(/\*+/g, '')
  )
}

function withoutPreamble(text: string): string {
  return text
    .replace(/^(?:here(?: is|'s)|sure|certainly|okay|ok)\b[^:.!\n]{0,80}[:.!]\s*/i, '')
    .replace(/^(?:alt(?:ernative)?[ -]text|description|caption)\s*:\s*/i, '')
    .replace(/^(?:an?\s+)?(?:image|picture)\s+(?:of|showing|that shows)\s+/i, '')
}

/** The text up to the end of its first sentence (abbreviations and initials do not end one). */
function firstSentence(text: string): string {
  const ends = /[.!?]+(?=\s|$)/g
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    const before = text.slice(0, match.index).split(/\s/).at(-1)?.toLowerCase() ?? ''
    if (match[0] === '.' && (ABBREVIATIONS.has(before) || /^[a-z]$/.test(before))) continue
    return text.slice(0, match.index + match[0].length)
  }
  return text
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`
}

/**
 * A model's answer made into alt text: plain text (no Markdown, HTML, quotation marks or
 * control characters), no preamble ("Here is the alt text:"), one sentence that starts with a
 * capital and ends with a full stop, at most MAX_ALT_TEXT_CHARS characters. '' when nothing
 * usable is left (an empty answer, or a refusal).
 */
export function cleanAltText(answer: string): string {
  const plain = stripMarkup(answer.slice(0, READ_CHARS))
    // Control (but line breaks), bidi-override and zero-width characters.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point.
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
    // Double quotation marks anywhere; single ones only around the whole text (’ is also an apostrophe).
    .replace(/["“”„«»]/g, '')
  // The first line after any preamble: a line break ends a sentence too.
  const line = withoutPreamble(plain.trim()).split('\n').find((candidate) => candidate.trim() !== '') ?? ''
  let text = line.replace(/\s+/g, ' ').trim().replace(/^['‘’]+|['‘’]+$/g, '').trim()
  if (REFUSAL.test(text)) return ''
  text = firstSentence(text).trim()
  if (!/[\p{L}\p{N}]/u.test(text)) return ''
  text = text.charAt(0).toUpperCase() + text.slice(1)
  if (!/[.!?…]$/.test(text)) text = `${text.replace(/[\s,;:-]+$/, '')}.`
  return fit(text, MAX_ALT_TEXT_CHARS)
}
