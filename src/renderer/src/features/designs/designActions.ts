import * as Y from 'yjs'
import type { CoreClient } from '../../../../shared/contracts'
import { initDesign } from '../../../../shared/design/designDoc'
import type { Canvas, Layer } from '../../../../shared/design/types'
import { addDocument } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

/**
 * Stores a new design (its canvas and starting layers as the document's first update) and lists
 * it. Safe to fill: the id is new, so no peer holds the document yet.
 */
export async function createDesign(client: CoreClient, index: DocSession, title: string, canvas: Canvas, layers: readonly Layer[]): Promise<string> {
  const id = crypto.randomUUID()
  const doc = new Y.Doc()
  initDesign(doc, canvas, layers)
  await client.docs.create({ docId: id, kind: 'design' })
  await client.docs.append({ docId: id, updates: [Y.encodeStateAsUpdate(doc)] })
  doc.destroy()
  addDocument(index.doc, id, 'design', title, Date.now())
  return id
}

/** A new design with a copy of another's content, listed as "<title> (copy)". */
export async function duplicateDesign(client: CoreClient, index: DocSession, sourceId: string, title: string): Promise<string> {
  const id = crypto.randomUUID()
  const { updates } = await client.docs.load({ docId: sourceId })
  await client.docs.create({ docId: id, kind: 'design' })
  await client.docs.append({ docId: id, updates })
  addDocument(index.doc, id, 'design', title.trim() ? `${title.trim()} (copy)` : '', Date.now())
  return id
}
