import type { Node as PMNode } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DRAFT_BODY_FIELD } from '../../shared/editor/fields'

/** About how much text (ProseMirror node size) goes into one update. */
const CHUNK_SIZE = 256 * 1024

/**
 * A draft body as Yjs updates that fill the 'default' fragment of a new, empty draft. Long
 * bodies become several updates of about CHUNK_SIZE each (a few top-level blocks per update),
 * so no update comes near the storage limit unless one block alone is that large.
 */
export function docToUpdates(body: PMNode, chunkSize = CHUNK_SIZE): Uint8Array[] {
  const ydoc = new Y.Doc()
  const fragment = ydoc.getXmlFragment(DRAFT_BODY_FIELD)
  const updates: Uint8Array[] = []
  ydoc.on('update', (update: Uint8Array) => updates.push(update))
  // Shared across calls: blocks already written are recognised by identity and left alone.
  const meta = { mapping: new Map(), isOMark: new Map() }
  const blocks: PMNode[] = []
  body.forEach((block) => blocks.push(block))

  let written = 0
  while (written < blocks.length) {
    let end = written
    let size = 0
    while (end < blocks.length && (end === written || size < chunkSize)) {
      size += blocks[end]?.nodeSize ?? 0
      end += 1
    }
    const prefix = body.copy(body.content.cut(0, offsetOf(blocks, end)))
    ydoc.transact(() => updateYFragment(ydoc, fragment, prefix, meta))
    written = end
  }
  ydoc.destroy()
  return updates
}

function offsetOf(blocks: PMNode[], count: number): number {
  let offset = 0
  for (let i = 0; i < count; i++) offset += blocks[i]?.nodeSize ?? 0
  return offset
}
