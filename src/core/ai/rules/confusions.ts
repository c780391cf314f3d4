import type { Apostrophe } from './apostrophe'
import { matchCase } from './casing'
import type { TextEdit } from './edits'
import { alternatives, WORD_END, WORD_START } from './wordPattern'

interface Confusion {
  pattern: RegExp
  fix: (match: RegExpExecArray, apostrophe: Apostrophe) => string
}

const COMPARATIVES = [
  'more', 'less', 'fewer', 'rather', 'other', 'better', 'worse', 'greater', 'larger', 'smaller', 'higher', 'lower', 'faster',
  'slower', 'bigger', 'older', 'younger', 'longer', 'shorter', 'easier', 'harder', 'cheaper', 'stronger', 'weaker'
]

// Words after which "its" can only be "it is" ("its raining", "its not"): a possessive needs a
// noun next. Adjectives are left out on purpose: "its clear water" is right.
const AFTER_IT_IS = [
  'a', 'an', 'the', 'not', 'been', 'going', 'raining', 'snowing', 'getting', 'too', 'so', 'just', 'still', 'already', 'also',
  'never', 'always', 'probably', 'really', 'here', 'there', 'what', 'how', 'because', 'that', 'about', 'ok', 'okay', 'me',
  'you', 'him', 'us', 'them', 'time to'
]

// The same for "your": "your welcome", "your not", "your a genius".
const AFTER_YOU_ARE = ['welcome', 'not', 'going', 'getting', 'kidding', 'a', 'an', 'the', 'so', 'too', 'always', 'never', 'probably']
// Adjectives that follow "you're" at the end of a clause ("your right." but "your right hand").
const YOU_ARE_AT_CLAUSE_END = ['right', 'wrong', 'correct', 'sure', 'late', 'early', 'done', 'ready']

const word = (source: string): string => WORD_START + source + WORD_END

const CONFUSIONS: readonly Confusion[] = [
  {
    // "could of" is how "could've" sounds; "would of course" is fine.
    pattern: new RegExp(word('(?<modal>could|should|would|must|might)\\s+of') + '(?!\\s+course' + WORD_END + ')', 'giu'),
    fix: (match) => `${match.groups?.modal ?? ''} have`
  },
  {
    pattern: new RegExp(word('its') + `(?=\\s+(?:${alternatives(AFTER_IT_IS)})${WORD_END})`, 'giu'),
    fix: ([match], apostrophe) => matchCase(match, `it${apostrophe}s`)
  },
  {
    pattern: new RegExp(word("it['’]s") + `(?=\\s+own${WORD_END})`, 'giu'),
    fix: ([match]) => matchCase(match, 'its')
  },
  {
    pattern: new RegExp(
      word('your') +
        `(?=\\s+(?:${alternatives(AFTER_YOU_ARE)})${WORD_END}|\\s+(?:${alternatives(YOU_ARE_AT_CLAUSE_END)})\\s*[.,;:!?])`,
      'giu'
    ),
    fix: ([match], apostrophe) => matchCase(match, `you${apostrophe}re`)
  },
  {
    pattern: new RegExp(`(?<=${word(`(?:${alternatives(COMPARATIVES)})`)}\\s+)${word('then')}`, 'giu'),
    fix: ([match]) => matchCase(match, 'than')
  },
  { pattern: new RegExp(word('alot'), 'giu'), fix: ([match]) => matchCase(match, 'a lot') },
  {
    // The pronoun, alone or in "i'm", "i've", "i'll", "i'd"; "i.e." is left alone.
    pattern: new RegExp(`${WORD_START}i(?=['’](?:m|ve|ll|d)${WORD_END}|\\s|[,;:!?]|\\.(?:\\s|$))`, 'gu'),
    fix: () => 'I'
  },
  { pattern: new RegExp(word('im'), 'gu'), fix: (_match, apostrophe) => `I${apostrophe}m` },
  { pattern: new RegExp(word('ive'), 'gu'), fix: (_match, apostrophe) => `I${apostrophe}ve` }
]

/** Edits for commonly confused words: "could of", "its raining", "your welcome", "more then", "alot", "i". */
export function confusionEdits(text: string, apostrophe: Apostrophe): TextEdit[] {
  return CONFUSIONS.flatMap(({ pattern, fix }) =>
    Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length, replacement: fix(match, apostrophe) }))
  )
}
