import type { Node as PMNode } from '@tiptap/pm/model'
import mammoth from 'mammoth'
import { binaryKind, looksLikeText } from './decodeText'
import type { DroppedContent } from './droppedContent'
import { htmlToDoc } from './htmlToDoc'
import { ImportError, unrecognised } from './importError'
import type { StoreImage } from './sanitizeHtml'
import { readZipDirectory } from './zipDirectory'

const EXPECTED = 'a Word document (.docx)'
/** A .docx that unpacks to more than this is refused before it is unpacked (zip bombs). */
export const DOCX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'u => u'
]

/** Checks, without unpacking, that the bytes are a Word document of a sensible unpacked size. */
export function checkDocx(fileName: string, bytes: Uint8Array): void {
  const entries = readZipDirectory(bytes)
  if (!entries) {
    const kind = binaryKind(bytes)
    if (kind?.startsWith('an Office 97')) {
      throw unrecognised(fileName, EXPECTED, 'it is an old-style Word .doc (Office 97–2003) file; open it in Word or LibreOffice and save it as .docx')
    }
    const looks = kind && !kind.startsWith('a zip') ? `it looks like ${kind}` : looksLikeText(bytes) ? 'it looks like text' : 'it is damaged'
    throw unrecognised(fileName, EXPECTED, `it is not a zip archive, which every .docx file is (${looks})`)
  }
  const names = new Set(entries.map((e) => e.name))
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
    throw unrecognised(fileName, EXPECTED, 'it is a zip archive but not a Word document (it has no word/document.xml)')
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (unpacked > DOCX_MAX_UNPACKED_BYTES) {
    throw new ImportError(
      { code: 'IMPORT_TOO_LARGE', fileName, size: unpacked, limit: DOCX_MAX_UNPACKED_BYTES },
      `“${fileName}” cannot be imported: it unpacks to ${Math.round(unpacked / 1024 / 1024)} MB, more than the ${DOCX_MAX_UNPACKED_BYTES / 1024 / 1024} MB a document may unpack to.`
    )
  }
}

/**
 * A Word document → a draft body, through mammoth's semantic HTML (headings, lists, emphasis,
 * links, quotes) and the HTML import's cleaning, which stores embedded images as blobs. Linked
 * files are never opened.
 */
export async function docxToDoc(fileName: string, bytes: Uint8Array, dropped: DroppedContent, storeImage?: StoreImage): Promise<PMNode> {
  checkDocx(fileName, bytes)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => ({ src: `data:${image.contentType};base64,${await image.readAsBase64String()}` }))
      }
    )
    html = result.value
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw unrecognised(fileName, EXPECTED, `it could not be read as a Word document (${reason})`)
  }
  return htmlToDoc(html, dropped, storeImage)
}
