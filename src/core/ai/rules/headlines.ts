import type { SentenceContent } from 'nlcst'
import { toString } from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import retextKeywords, { type Keyphrase } from 'retext-keywords'
import retextPos from 'retext-pos'
import { unified } from 'unified'
import { titleCase } from './casing'
import { runRetext } from './retext'

// retext-keywords picks nouns, so it needs retext-pos to tag them first.
const keywordExtractor = unified().use(retextEnglish).use(retextPos).use(retextKeywords, { maximum: 10 })

/** What a text is about, as written in it. */
export interface Topic {
  text: string
  plural: boolean
  /** How many key phrases the text has, which sizes the "N things" headline. */
  keyPhraseCount: number
}

const PLURAL_TAGS = new Set(['NNS', 'NNPS'])

const firstOffset = (keyphrase: Keyphrase): number =>
  Math.min(...keyphrase.matches.map((match) => match.nodes[0]?.position?.start.offset ?? Infinity))

/** Several-word phrases beat single words; among equals the one the text mentions first wins. */
function byRank(a: Keyphrase, b: Keyphrase): number {
  return b.weight * b.stems.length - a.weight * a.stems.length || firstOffset(a) - firstOffset(b)
}

/** The best key phrase of the text, or its best keyword when it has no phrase; none without a noun. */
export function topicOf(text: string): Topic | undefined {
  const { keyphrases = [], keywords = [] } = runRetext(keywordExtractor, text).data
  const phrase = [...keyphrases].sort(byRank)[0]?.matches[0]?.nodes
  const keyword = keywords[0]?.matches[0]?.node
  const nodes: SentenceContent[] | undefined = phrase ?? (keyword && [keyword])
  const last = nodes?.at(-1)
  if (!nodes || !last) return undefined
  return {
    text: toString(nodes).replace(/\s+/g, ' '),
    plural: last.type === 'WordNode' && PLURAL_TAGS.has(last.data?.partOfSpeech ?? ''),
    keyPhraseCount: keyphrases.length
  }
}

/**
 * Five headline ideas built around the text's topic, one per headline pattern; none when the
 * text has no noun to build on.
 */
export function headlines(text: string): string[] {
  const topic = topicOf(text)
  if (!topic) return []
  const { text: subject, plural } = topic
  const count = Math.min(7, Math.max(3, topic.keyPhraseCount))
  return [
    `How ${subject} ${plural ? 'Are' : 'Is'} Changing`,
    `Why ${subject} ${plural ? 'Matter' : 'Matters'}`,
    `${subject}: What You Need to Know`,
    `${count} Things to Know About ${subject}`,
    `The Future of ${subject}`
  ].map(titleCase)
}
