import type { CoreClient } from '../../../../shared/contracts'
import { addDraft, draftTitle, restoreDraft, trashDraft } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

/** Registers a new, empty draft and lists it. Nothing is seeded into its document. */
export async function createDraft(client: CoreClient, index: DocSession, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID()
  await client.docs.create({ docId: id, kind: 'draft' })
  addDraft(index.doc, id, '', now)
  return id
}

/** A new draft with a copy of another's content. Safe to fill: no peer holds the new id yet. */
export async function duplicateDraft(client: CoreClient, index: DocSession, sourceId: string): Promise<string> {
  const id = crypto.randomUUID()
  const { updates } = await client.docs.load({ docId: sourceId })
  await client.docs.create({ docId: id, kind: 'draft' })
  await client.docs.append({ docId: id, updates })
  const title = draftTitle(index.doc, sourceId)?.toJSON().trim() ?? ''
  addDraft(index.doc, id, title ? `${title} (copy)` : '', Date.now())
  return id
}

export function moveToTrash(index: DocSession, id: string): void {
  trashDraft(index.doc, id, Date.now())
}

export function restoreFromTrash(index: DocSession, id: string): void {
  restoreDraft(index.doc, id)
}
