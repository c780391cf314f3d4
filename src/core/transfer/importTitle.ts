import type { Node as PMNode } from '@tiptap/pm/model'
import { baseName } from './importFormat'

const MAX_TITLE = 200

/** An imported draft's title: the text of its first heading, or else the file name without its extension. */
export function importTitle(body: PMNode, fileName: string): string {
  let heading = ''
  body.descendants((node) => {
    if (heading) return false
    if (node.type.name === 'heading') heading = clean(node.textContent)
    return !heading
  })
  if (heading) return heading
  const name = baseName(fileName)
  const dot = name.lastIndexOf('.')
  return clean(dot > 0 ? name.slice(0, dot) : name)
}

function clean(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > MAX_TITLE ? `${oneLine.slice(0, MAX_TITLE - 1)}…` : oneLine
}
