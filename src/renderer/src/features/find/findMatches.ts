import type { Node as PMNode } from '@tiptap/pm/model'

export interface Match {
  from: number
  to: number
}

/**
 * Every occurrence of `query` in the document, case-insensitively, within one block at a time
 * (a match may span bold or italic text, not two paragraphs). Positions are ProseMirror positions.
 */
export function findMatches(doc: PMNode, query: string): Match[] {
  if (!query) return []
  const needle = query.toLocaleLowerCase()
  const matches: Match[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    let text = ''
    const positions: number[] = []
    node.forEach((child, offset) => {
      const start = pos + 1 + offset
      if (child.isText && child.text) {
        for (let i = 0; i < child.text.length; i++) positions.push(start + i)
        text += child.text
      } else {
        // A non-text inline node (an image, a line break) breaks a match.
        positions.push(start)
        text += '\uFFFC'
      }
    })
    const haystack = text.toLocaleLowerCase()
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      const from = positions[at]
      const last = positions[at + needle.length - 1]
      if (from !== undefined && last !== undefined) matches.push({ from, to: last + 1 })
    }
    return false
  })
  return matches
}
