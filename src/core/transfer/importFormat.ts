import { ImportError } from './importError'

export type ImportFormat = 'markdown' | 'html' | 'text' | 'docx'

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.docx': 'docx'
}

/** What each format must contain, for messages. */
export const EXPECTED: Record<ImportFormat, string> = {
  markdown: 'Markdown text in UTF-8',
  html: 'an HTML page in UTF-8',
  text: 'plain text in UTF-8',
  docx: 'a Word document (.docx)'
}

/** The file's name without folders. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName
}

/** ".md" for "Notes.MD"; "" when there is none. */
export function extensionOf(fileName: string): string {
  return /\.[^.]+$/.exec(baseName(fileName))?.[0].toLowerCase() ?? ''
}

/** The format an import reads the file as, from its name; refuses names it does not know. */
export function importFormatOf(fileName: string): ImportFormat {
  const extension = extensionOf(fileName)
  const format = BY_EXTENSION[extension]
  if (format) return format
  const hint = extension === '.doc' ? ' Open it in Word or LibreOffice and save it as .docx first.' : ''
  throw new ImportError(
    { code: 'IMPORT_UNSUPPORTED', fileName, extension },
    `“${fileName}” cannot be imported: Holdfast imports Markdown (.md, .markdown), HTML (.html, .htm), plain text (.txt) and Word (.docx) files.${hint}`
  )
}
