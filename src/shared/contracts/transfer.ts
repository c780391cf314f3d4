import { z } from 'zod'
import { BinarySchema, DocIdSchema } from './docs'
import { storageProcedure } from './errors'

/**
 * The largest file an import accepts. A request frame may hold 8 MiB of text (MAX_FRAME_CHARS in
 * core/rpc/requestFrame.ts) and binary data travels as base64 (4 characters per 3 bytes), so
 * 5 MiB is what one call can carry with room to spare. The renderer checks it before sending.
 */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

/** "4.2 MB", for messages about file sizes. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`
}

/** The sentence for a file over the import limit; the same whichever side refuses it. */
export function tooLargeMessage(fileName: string, size: number, limit = IMPORT_MAX_BYTES): string {
  return `“${fileName}” is too large to import (${megabytes(size)}); the limit is ${megabytes(limit)}.`
}

/** File name endings an import reads, for the file picker's `accept`. */
export const IMPORT_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.txt', '.docx'] as const

export const ExportFormatSchema = z.enum(['markdown', 'html', 'text', 'docx', 'pdf'])
export type ExportFormat = z.infer<typeof ExportFormatSchema>

const FileNameSchema = z.string().min(1).max(255)

export const importErrors = {
  IMPORT_TOO_LARGE: {
    status: 413,
    message: 'The file is too large to import.',
    data: z.object({ fileName: z.string(), size: z.number().int(), limit: z.number().int() })
  },
  IMPORT_UNSUPPORTED: {
    status: 415,
    message: 'Holdfast cannot import this kind of file.',
    data: z.object({ fileName: z.string(), extension: z.string() })
  },
  IMPORT_UNRECOGNISED: {
    status: 422,
    message: 'The file is not what its name says it is.',
    data: z.object({ fileName: z.string(), expected: z.string() })
  }
} as const

export type ImportErrorCode = keyof typeof importErrors

export const transferContract = {
  /**
   * Reads a Markdown, HTML, plain text or Word (.docx) file into the body of a new draft, as
   * Yjs updates for its 'default' fragment. Embedded images are stored as blobs; nothing else is
   * created: the caller creates the draft, appends the updates and lists it. `dropped` says what
   * the file held that the draft does not keep (remote images, scripts, unsafe links), one
   * sentence each.
   */
  importFile: storageProcedure
    .errors(importErrors)
    .input(z.object({ fileName: FileNameSchema, bytes: BinarySchema }))
    .output(z.object({ title: z.string(), updates: z.array(BinarySchema), dropped: z.array(z.string()) })),

  /** A stored draft as a file to save: Markdown, HTML, plain text, Word (.docx) or PDF. */
  exportDraft: storageProcedure
    .errors({ NOT_FOUND: { status: 404, message: 'No document has that id.', data: z.object({ docId: z.string() }) } })
    .input(z.object({ docId: DocIdSchema, format: ExportFormatSchema, title: z.string().max(1000) }))
    .output(z.object({ fileName: FileNameSchema, mimeType: z.string(), bytes: BinarySchema }))
}
