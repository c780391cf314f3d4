import { oc } from '@orpc/contract'
import { z } from 'zod'
import { BinarySchema } from './docs'
import { storageProcedure } from './errors'

/**
 * One piece of an archive, in either direction. A frame may hold 8 M characters
 * (MAX_FRAME_CHARS in core/rpc/requestFrame.ts) and binary data travels as base64, so 2 MiB
 * (2.8 M characters) fits with room to spare.
 */
export const ARCHIVE_CHUNK_BYTES = 2 * 1024 * 1024

/** The largest archive an import accepts (and an export makes). */
export const ARCHIVE_MAX_BYTES = 2 * 1024 * 1024 * 1024

/** The file picker's `accept` for an archive. */
export const ARCHIVE_ACCEPT = '.zip,application/zip'

/** Names a running export or upload; the core makes them, anything else is refused. */
export const TransferIdSchema = z.uuid()

const Offset = z.number().int().min(0)

const ChunkSchema = BinarySchema.refine((b) => b.byteLength > 0 && b.byteLength <= ARCHIVE_CHUNK_BYTES, {
  message: `a chunk must be 1 byte to ${ARCHIVE_CHUNK_BYTES} bytes`
})

/** Why an archive was refused or a transfer could not go on. Every message says what to do next. */
export const archiveErrors = {
  ARCHIVE_TOO_LARGE: {
    status: 413,
    message: 'The archive is too large.',
    data: z.object({ size: z.number(), limit: z.number() })
  },
  ARCHIVE_NOT_ZIP: { status: 422, message: 'The file is not a zip archive Holdfast can read.' },
  ARCHIVE_UNSAFE_NAME: {
    status: 422,
    message: 'The archive holds a file name that points outside it.',
    data: z.object({ name: z.string() })
  },
  ARCHIVE_NO_DATABASE: { status: 422, message: 'The archive has no holdfast.db.' },
  ARCHIVE_DAMAGED: { status: 422, message: 'The archive is damaged.' },
  ARCHIVE_NOT_SQLITE: { status: 422, message: 'The archive’s holdfast.db is not an SQLite database.' },
  ARCHIVE_NOT_HOLDFAST: { status: 422, message: 'The archive’s holdfast.db is not a Holdfast workspace.' },
  ARCHIVE_TOO_NEW: {
    status: 422,
    message: 'The archive was made by a newer Holdfast.',
    data: z.object({ foundVersion: z.number().int(), supportedVersion: z.number().int() })
  },
  TRANSFER_NOT_FOUND: { status: 404, message: 'That archive transfer is not open.', data: z.object({ id: z.string() }) },
  TRANSFER_OUT_OF_ORDER: {
    status: 409,
    message: 'A part of the archive arrived out of order.',
    data: z.object({ expectedOffset: z.number().int() })
  },
  TRANSFER_BUSY: { status: 429, message: 'Too many archive transfers are running.' }
} as const

export type ArchiveErrorCode = keyof typeof archiveErrors

/**
 * The whole workspace as one .zip (holdfast.db, every draft not in the trash as Markdown, a
 * manifest and a README), and back. Archives travel in chunks of ARCHIVE_CHUNK_BYTES; the core
 * keeps them in its data folder's tmp/ meanwhile.
 */
export const archiveContract = {
  /** Makes the archive (a consistent copy of the database; writing goes on meanwhile). Read it with exportChunk, then call exportEnd. */
  exportBegin: storageProcedure
    .errors(archiveErrors)
    .output(z.object({ archiveId: TransferIdSchema, size: z.number().int(), fileName: z.string(), draftCount: z.number().int() })),

  /** Up to ARCHIVE_CHUNK_BYTES of the archive, from `offset`. */
  exportChunk: oc
    .errors(archiveErrors)
    .input(z.object({ archiveId: TransferIdSchema, offset: Offset }))
    .output(z.object({ bytes: BinarySchema })),

  /** Removes the archive's temporary file. */
  exportEnd: oc.input(z.object({ archiveId: TransferIdSchema })).output(z.object({ removed: z.boolean() })),

  /** Announces an upload of `size` bytes; send them in order with importChunk, then call importFinish (or importAbort). */
  importBegin: oc
    .errors(archiveErrors)
    .input(z.object({ size: z.number().int().min(0) }))
    .output(z.object({ uploadId: TransferIdSchema })),

  importChunk: oc
    .errors(archiveErrors)
    .input(z.object({ uploadId: TransferIdSchema, offset: Offset, bytes: ChunkSchema }))
    .output(z.object({ received: z.number().int() })),

  /**
   * Checks the uploaded archive and, if it is a sound workspace archive, replaces the workspace
   * database with its holdfast.db, as restoring a backup does: the current database is backed
   * up and moved aside first, never deleted. Every window must reload afterwards. A refused
   * archive changes nothing. The upload is removed either way.
   */
  importFinish: oc
    .errors(archiveErrors)
    .input(z.object({ uploadId: TransferIdSchema }))
    .output(z.object({ imported: z.literal(true) })),

  /** Drops an upload and its temporary file. */
  importAbort: oc.input(z.object({ uploadId: TransferIdSchema })).output(z.object({ removed: z.boolean() }))
}
