import type { CoreClient } from '../../../../shared/contracts'
import { IMPORT_MAX_BYTES, tooLargeMessage } from '../../../../shared/contracts/transfer'
import { appendBatches } from '../../../../shared/transfer/appendBatches'
import { addDraft } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

export interface ImportedDraft {
  id: string
  title: string
  /** What the file held that the draft does not keep, one sentence each. */
  dropped: string[]
}

/**
 * Imports a file as a new draft: the core reads it into Yjs updates, which fill a new document
 * (safe: no peer holds the new id yet) before the draft is listed. A file over the limit is
 * refused here, before it is read or sent.
 */
export async function importDraftFile(client: CoreClient, index: DocSession, file: File, now = Date.now()): Promise<ImportedDraft> {
  if (file.size > IMPORT_MAX_BYTES) throw new Error(tooLargeMessage(file.name, file.size))
  const bytes = new Uint8Array(await file.arrayBuffer())
  const { title, updates, dropped } = await client.transfer.importFile({ fileName: file.name, bytes })
  const id = crypto.randomUUID()
  await client.docs.create({ docId: id, kind: 'draft' })
  for (const batch of appendBatches(updates)) await client.docs.append({ docId: id, updates: batch })
  addDraft(index.doc, id, title, now)
  return { id, title, dropped }
}
