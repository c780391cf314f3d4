import retextEnglish from 'retext-english'
import { unified } from 'unified'

export interface Sentence {
  /** The sentence as written, line breaks inside it folded into spaces. */
  text: string
  /** Which paragraph (blank-line separated block) it belongs to, from 0. */
  paragraph: number
  /** Its place in that paragraph, from 0. */
  indexInParagraph: number
}

const parser = unified().use(retextEnglish)

/**
 * The sentences of `text`, in order. retext-english knows abbreviations ("Dr.", "p.m.") and
 * never ends a sentence before a lower-case word.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  let paragraph = 0
  for (const block of parser.parse(text).children) {
    if (block.type !== 'ParagraphNode') continue
    let indexInParagraph = 0
    for (const node of block.children) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (node.type !== 'SentenceNode' || start === undefined || end === undefined) continue
      sentences.push({ text: text.slice(start, end).replace(/\s+/g, ' '), paragraph, indexInParagraph })
      indexInParagraph++
    }
    paragraph++
  }
  return sentences
}

/** The words of a passage, lower-cased, apostrophes and hyphens kept inside words. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []
}
