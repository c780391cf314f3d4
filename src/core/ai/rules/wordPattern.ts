// Regex pieces for whole words. \b only knows ASCII letters, so these use Unicode classes and
// treat apostrophes and hyphens as part of a word ("don't", "well-known").
export const WORD_START = '(?<![\\p{L}\\p{N}_\'’-])'
export const WORD_END = '(?![\\p{L}\\p{N}_\'’-])'

/** A regex alternation of words or phrases, any run of white space between a phrase's words. */
export function alternatives(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.replace(/ /g, '\\s+')).join('|')
}

/** A whole-word regex source for one phrase. */
export function phrasePattern(phrase: string): string {
  return WORD_START + alternatives([phrase]) + WORD_END
}
