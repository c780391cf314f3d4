import type { CoreClient } from '../../../../shared/contracts'
import type { ExportFormat } from '../../../../shared/contracts/transfer'
import { draftTitle } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

/** How long a download's Blob URL stays valid: the browser has started reading it by then. */
const REVOKE_AFTER_MS = 60_000

/**
 * Exports the open draft and hands it to the browser as a download (a Blob URL and an
 * <a download> click, which works in the sandboxed renderer; Electron then asks where to save).
 * Waits for the draft's pending writes first, so the file has everything typed so far.
 */
export async function downloadExport(client: CoreClient, index: DocSession, draft: DocSession, format: ExportFormat): Promise<string> {
  await draft.whenSaved()
  const title = (draftTitle(index.doc, draft.docId)?.toJSON() ?? '').slice(0, 1000)
  const file = await client.transfer.exportDraft({ docId: draft.docId, format, title })
  const url = URL.createObjectURL(new Blob([file.bytes.slice().buffer], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  return file.fileName
}
