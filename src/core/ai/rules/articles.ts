import retextEnglish from 'retext-english'
import retextIndefiniteArticle from 'retext-indefinite-article'
import { unified } from 'unified'
import { matchCase } from './casing'
import type { TextEdit } from './edits'
import { messageRange, runRetext } from './retext'

const articleCheck = unified().use(retextEnglish).use(retextIndefiniteArticle)

/** Edits turning each wrong "a"/"an" into the right one, by sound ("an hour", "a university"). */
export function articleEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  for (const message of runRetext(articleCheck, text).messages) {
    const range = messageRange(message)
    const expected = message.expected?.[0]
    if (!range || expected === undefined) continue
    edits.push({ ...range, replacement: matchCase(text.slice(range.start, range.end), expected) })
  }
  return edits
}

/** The article `article` should be before `word`: "a" + "hour" gives "an". */
export function agreeingArticle(article: string, word: string): string {
  const [edit] = articleEdits(`${article} ${word}`)
  return edit ? edit.replacement : article
}
