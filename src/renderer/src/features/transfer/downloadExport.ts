import type { CoreClient } from '../../../../shared/contracts'
import type { ExportFormat } from '../../../../shared/contracts/transfer'
import { draftTitle } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'
import { saveDownload } from '../../lib/saveDownload'

/**
 * Exports the open draft and hands it to the browser as a download (see saveDownload).
 * Waits for the draft's pending writes first, so the file has everything typed so far.
 */
export async function downloadExport(client: CoreClient, index: DocSession, draft: DocSession, format: ExportFormat): Promise<string> {
  await draft.whenSaved()
  const title = (draftTitle(index.doc, draft.docId)?.toJSON() ?? '').slice(0, 1000)
  const file = await client.transfer.exportDraft({ docId: draft.docId, format, title })
  saveDownload(new Blob([file.bytes.slice().buffer], { type: file.mimeType }), file.fileName)
  return file.fileName
}
