import type { ExportFormat } from '../../shared/contracts/transfer'
import { exportDocx } from './exportDocx'
import { EXPORT_TYPES, exportFileName } from './exportFileName'
import { exportHtml } from './exportHtml'
import { exportMarkdown } from './exportMarkdown'
import { exportPdf } from './exportPdf'
import { exportText } from './exportText'
import type { ReadBlob } from './blobImages'
import { draftBody } from './loadDraft'

export interface ExportedFile {
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

/** A stored draft (its Yjs updates) as a file in the given format, with its stored images. */
export async function exportDraft(
  updates: readonly Uint8Array[],
  format: ExportFormat,
  title: string,
  readBlob: ReadBlob
): Promise<ExportedFile> {
  const body = draftBody(updates)
  const cleanTitle = title.replace(/\s+/g, ' ').trim()
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
  let bytes: Uint8Array
  switch (format) {
    case 'markdown':
      bytes = encode(exportMarkdown(body, readBlob))
      break
    case 'html':
      bytes = encode(exportHtml(body, cleanTitle, readBlob))
      break
    case 'text':
      bytes = encode(exportText(body))
      break
    case 'docx':
      bytes = await exportDocx(body, cleanTitle, readBlob)
      break
    case 'pdf':
      bytes = await exportPdf(body, cleanTitle, readBlob)
      break
  }
  return { fileName: exportFileName(cleanTitle, format), mimeType: EXPORT_TYPES[format].mimeType, bytes }
}
