import nspell from 'nspell'

export interface Checker {
  isCorrect(word: string): boolean
  suggest(word: string): string[]
}

/** A Hunspell checker from dictionary files, entirely offline. */
export function createChecker(aff: string, dic: string): Checker {
  const spell = nspell({ aff, dic })
  return {
    isCorrect: (word) => spell.correct(word),
    suggest: (word) => spell.suggest(word).slice(0, 6)
  }
}
