import type { SummaryForm } from '../../../shared/ai/actions'
import { splitSentences, wordsOf, type Sentence } from './sentences'
import { STOPWORDS } from './stopwords'

/** About one sentence in four, from one to five. */
export function summaryLength(sentenceCount: number): number {
  return Math.min(5, Math.max(1, Math.round(sentenceCount / 4)))
}

/** Folds plurals and possessives together so "team", "teams" and "team's" count as one word. */
function stem(word: string): string {
  const bare = word.replace(/['’]s?$/, '')
  if (bare.length > 4 && bare.endsWith('ies')) return `${bare.slice(0, -3)}y`
  if (bare.length > 3 && bare.endsWith('s') && !/(ss|us|is)$/.test(bare)) return bare.slice(0, -1)
  return bare
}

const contentWords = (sentence: Sentence): string[] =>
  wordsOf(sentence.text)
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stem)

/** The opening sentence of the text, and of each paragraph, usually states its point. */
function positionBonus(sentence: Sentence): number {
  if (sentence.indexInParagraph > 0) return 1
  return sentence.paragraph === 0 ? 1.5 : 1.2
}

/**
 * How central each sentence is: how often its content words occur elsewhere in the text, over
 * the square root of its length so neither long nor short sentences win by size alone.
 */
function scoreSentences(sentences: readonly Sentence[]): number[] {
  const words = sentences.map(contentWords)
  const frequency = new Map<string, number>()
  for (const word of words.flat()) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  return sentences.map((sentence, index) => {
    const own = words[index] ?? []
    if (own.length === 0) return 0
    const weight = own.reduce((sum, word) => sum + (frequency.get(word) ?? 1) - 1, 0)
    return (weight / Math.sqrt(own.length)) * positionBonus(sentence)
  })
}

/**
 * An extractive summary: the most central sentences, quoted as written and kept in their
 * original order, as a paragraph or as "- " bullet lines.
 */
export function summarize(text: string, form: SummaryForm = 'paragraph'): string {
  const sentences = splitSentences(text)
  if (sentences.length === 0) return text.trim()
  const scores = scoreSentences(sentences)
  const chosen = sentences
    .map((sentence, index) => ({ sentence, index, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, summaryLength(sentences.length))
    .sort((a, b) => a.index - b.index)
    .map(({ sentence }) => sentence.text)
  return form === 'bullets' ? chosen.map((sentence) => `- ${sentence}`).join('\n') : chosen.join(' ')
}
