export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

export function startsWithCapital(text: string): boolean {
  return text.charAt(0) !== text.charAt(0).toLowerCase()
}

/** `replacement` with the first letter capitalised when `original` starts with a capital. */
export function matchCase(original: string, replacement: string): string {
  return startsWithCapital(original) ? capitalize(replacement) : replacement
}

/** Short words that stay lower case inside a title. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'via', 'with'])

/**
 * Title case that never lowers a letter: words already holding a capital ("iPhone", "NASA")
 * are kept as written.
 */
export function titleCase(title: string): string {
  const words = title.split(' ')
  return words
    .map((word, index) => {
      if (word !== word.toLowerCase()) return word
      const edge = index === 0 || index === words.length - 1 || /[:–—]$/.test(words[index - 1] ?? '')
      return edge || !MINOR_WORDS.has(word) ? capitalize(word) : word
    })
    .join(' ')
}
