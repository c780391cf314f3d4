import type { Node as PMNode } from '@tiptap/pm/model'

/**
 * A draft body as plain text: one blank line between blocks, "#"-free headings, list items
 * with "-" or their number, quotes with "> ", images as "[Image: alt]". Links keep their text only.
 */
export function exportText(body: PMNode): string {
  const blocks: string[] = []
  body.forEach((block) => blocks.push(blockText(block, '')))
  return `${blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}

function inlineText(node: PMNode): string {
  let text = ''
  node.forEach((child) => {
    if (child.isText) text += child.text ?? ''
    else if (child.type.name === 'hardBreak') text += '\n'
  })
  return text
}

function blockText(node: PMNode, indent: string): string {
  const indented = (text: string): string => text.split('\n').map((line) => (line ? indent + line : line)).join('\n')
  switch (node.type.name) {
    case 'paragraph':
    case 'heading':
      return indented(inlineText(node))
    case 'image':
      return indented(imageText(node))
    case 'horizontalRule':
      return indented('* * *')
    case 'blockquote':
      return children(node, '')
        .map((text) => text.split('\n').map((line) => `${indent}> ${line}`.trimEnd()).join('\n'))
        .join(`\n${indent}>\n`)
    case 'bulletList':
    case 'orderedList':
      return listText(node, indent)
    default:
      return indented(node.textContent)
  }
}

function children(node: PMNode, indent: string): string[] {
  const texts: string[] = []
  node.forEach((child) => texts.push(blockText(child, indent)))
  return texts
}

function listText(list: PMNode, indent: string): string {
  const start = typeof list.attrs.start === 'number' ? list.attrs.start : 1
  const items: string[] = []
  list.forEach((item, _offset, index) => {
    const marker = list.type.name === 'orderedList' ? `${start + index}. ` : '- '
    const inner = children(item, `${indent}${' '.repeat(marker.length)}`)
    const first = (inner[0] ?? '').slice(indent.length + marker.length)
    items.push([`${indent}${marker}${first}`, ...inner.slice(1)].join('\n'))
  })
  return items.join('\n')
}

export function imageText(image: PMNode): string {
  const alt = typeof image.attrs.alt === 'string' && image.attrs.alt.trim() ? image.attrs.alt.trim() : 'image'
  return `[Image: ${alt}]`
}
