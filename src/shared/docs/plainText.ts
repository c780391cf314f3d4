import * as Y from 'yjs'

// Block-level nodes of the draft schema: their text is separated by a line break.
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'bulletList', 'orderedList', 'horizontalRule', 'image'])

/** The readable text of a ProseMirror document stored in a Y.XmlFragment, one block per line. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = []
  let current = ''
  const flush = (): void => {
    if (current.trim()) lines.push(current.trim())
    current = ''
  }
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') current += op.insert
      } else if (child instanceof Y.XmlElement) {
        const block = BLOCKS.has(child.nodeName)
        if (block) flush()
        if (child.nodeName === 'hardBreak') current += '\n'
        walk(child)
        if (block) flush()
      }
    }
  }
  walk(fragment)
  flush()
  return lines.join('\n')
}
