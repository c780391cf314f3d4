import type { Node as PMNode } from '@tiptap/pm/model'
import { draftSchema } from './draftSchema'

/**
 * Plain text → a draft body: text separated by blank lines becomes paragraphs, and a single line
 * break inside a paragraph stays a line break. Nothing in it is read as markup.
 */
export function textToDoc(text: string): PMNode {
  const schema = draftSchema()
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const paragraphs: PMNode[] = []
  let current: string[] = []
  const flush = (): void => {
    if (current.length === 0) return
    const content: PMNode[] = []
    current.forEach((line, i) => {
      if (i > 0) content.push(schema.node('hardBreak'))
      if (line) content.push(schema.text(line))
    })
    paragraphs.push(schema.node('paragraph', null, content))
    current = []
  }
  for (const line of lines) {
    if (line.trim() === '') flush()
    else current.push(line.replace(/\s+$/, ''))
  }
  flush()
  if (paragraphs.length === 0) paragraphs.push(schema.node('paragraph'))
  return schema.node('doc', null, paragraphs)
}
