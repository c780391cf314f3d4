import type { Node as PMNode } from '@tiptap/pm/model'
import { MAX_UPDATE_BYTES } from '../../shared/contracts/docs'
import { IMPORT_MAX_BYTES, megabytes, tooLargeMessage } from '../../shared/contracts/transfer'
import { decodeText } from './decodeText'
import { docToUpdates } from './docToUpdates'
import { docxToDoc } from './docxToDoc'
import { DroppedContent } from './droppedContent'
import { htmlToDoc } from './htmlToDoc'
import { ImportError } from './importError'
import { EXPECTED, importFormatOf } from './importFormat'
import { importTitle } from './importTitle'
import { markdownToDoc } from './markdownToDoc'
import type { StoreImage } from './sanitizeHtml'
import { textToDoc } from './textToDoc'

export interface ImportResult {
  title: string
  /** Updates that fill the body of a new, empty draft, in order. */
  updates: Uint8Array[]
  /** What the file held that the draft does not keep, one sentence each. */
  dropped: string[]
}

export interface ImportOptions {
  /** Where embedded images go; without it they are dropped and reported. */
  storeImage?: StoreImage
  limit?: number
}

/** Reads a file into a new draft's body. Throws ImportError when the file is refused. */
export async function importFile(fileName: string, bytes: Uint8Array, { storeImage, limit = IMPORT_MAX_BYTES }: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.byteLength > limit) {
    throw new ImportError({ code: 'IMPORT_TOO_LARGE', fileName, size: bytes.byteLength, limit }, tooLargeMessage(fileName, bytes.byteLength, limit))
  }
  const format = importFormatOf(fileName)
  const dropped = new DroppedContent()
  let body: PMNode
  if (format === 'docx') body = await docxToDoc(fileName, bytes, dropped, storeImage)
  else {
    const text = decodeText(fileName, bytes, EXPECTED[format])
    body =
      format === 'markdown' ? markdownToDoc(text, dropped, storeImage) : format === 'html' ? htmlToDoc(text, dropped, storeImage) : textToDoc(text)
  }
  body.check()
  const updates = docToUpdates(body)
  const largest = Math.max(0, ...updates.map((u) => u.byteLength))
  if (largest > MAX_UPDATE_BYTES) {
    throw new ImportError(
      { code: 'IMPORT_TOO_LARGE', fileName, size: largest, limit: MAX_UPDATE_BYTES },
      `“${fileName}” cannot be imported: one of its paragraphs is larger than ${megabytes(MAX_UPDATE_BYTES)}. Split it with blank lines and try again.`
    )
  }
  return { title: importTitle(body, fileName), updates, dropped: dropped.describe() }
}
