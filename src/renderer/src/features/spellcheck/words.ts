export interface WordRange {
  word: string
  from: number
  to: number
}

// Letters with inner apostrophes (don't, journalist’s) and hyphens are one word for the checker.
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu

/** Words in a run of text starting at ProseMirror position `start`. Words with digits or all capitals (acronyms) are skipped. */
export function wordsIn(text: string, start: number): WordRange[] {
  const words: WordRange[] = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    const before = text[match.index - 1] ?? ''
    const after = text[match.index + word.length] ?? ''
    if (/\d/.test(before + after)) continue
    if (word.length > 1 && word === word.toUpperCase()) continue
    words.push({ word: word.replace(/’/g, "'"), from: start + match.index, to: start + match.index + word.length })
  }
  return words
}
