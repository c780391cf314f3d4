import { z } from 'zod'
import { archiveErrors, type ArchiveErrorCode } from '../../shared/contracts/archive'
import { megabytes } from '../../shared/contracts/transfer'

/** Why an archive was refused or a transfer could not go on; the handlers turn it into the typed RPC error. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError'

  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    readonly data?: Record<string, unknown>
  ) {
    super(message)
  }
}

const UNCHANGED = 'Nothing was changed.'

/** "`what` (3 MB); the limit is 2 MB. `then`" */
export function tooLarge(what: string, size: number, limit: number, then = UNCHANGED): ArchiveError {
  return new ArchiveError('ARCHIVE_TOO_LARGE', `${what} (${megabytes(size)}); the limit is ${megabytes(limit)}. ${then}`, { size, limit })
}

export function notZip(problem: string): ArchiveError {
  return new ArchiveError(
    'ARCHIVE_NOT_ZIP',
    `The file is not a workspace archive: ${problem}. Choose a .zip made with “Export workspace…”. ${UNCHANGED}`
  )
}

export function unsafeName(name: string, problem: string): ArchiveError {
  return new ArchiveError('ARCHIVE_UNSAFE_NAME', `The archive holds a file named “${name}”, which ${problem}. Holdfast does not open such archives. ${UNCHANGED}`, {
    name
  })
}

export function noDatabase(): ArchiveError {
  return new ArchiveError(
    'ARCHIVE_NO_DATABASE',
    `The archive has no holdfast.db, so it is not a workspace archive. Choose a .zip made with “Export workspace…”. ${UNCHANGED}`
  )
}

export function damaged(problem: string): ArchiveError {
  return new ArchiveError('ARCHIVE_DAMAGED', `The archive is damaged: ${problem}. ${UNCHANGED} Export the workspace again and import the new archive.`)
}

export function notSqlite(): ArchiveError {
  return new ArchiveError('ARCHIVE_NOT_SQLITE', `The archive’s holdfast.db is not an SQLite database, so it is not a Holdfast workspace. ${UNCHANGED}`)
}

export function notHoldfast(problem: string): ArchiveError {
  return new ArchiveError('ARCHIVE_NOT_HOLDFAST', `The archive’s holdfast.db is not a Holdfast workspace: ${problem}. ${UNCHANGED}`)
}

export function tooNew(foundVersion: number, supportedVersion: number): ArchiveError {
  return new ArchiveError(
    'ARCHIVE_TOO_NEW',
    `The archive was made by a newer version of Holdfast (schema ${foundVersion}; this version understands up to ${supportedVersion}). ` +
      `Update Holdfast to import it. ${UNCHANGED}`,
    { foundVersion, supportedVersion }
  )
}

export function transferNotFound(id: string): ArchiveError {
  return new ArchiveError(
    'TRANSFER_NOT_FOUND',
    'That archive transfer is no longer open (it finished, was cancelled or expired). Start the export or import again.',
    { id }
  )
}

export function outOfOrder(expectedOffset: number, problem: string): ArchiveError {
  return new ArchiveError('TRANSFER_OUT_OF_ORDER', `The archive did not arrive in order: ${problem}. Start the import again.`, { expectedOffset })
}

export function busy(): ArchiveError {
  return new ArchiveError('TRANSFER_BUSY', 'Another workspace export or import is still running. Wait for it to finish, then try again.')
}

/** An ArchiveError as it crosses from the check worker: plain data, parsed on arrival. */
export const ArchiveErrorMessageSchema = z.object({
  code: z.enum(Object.keys(archiveErrors) as [ArchiveErrorCode, ...ArchiveErrorCode[]]),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).optional()
})

export function toMessage(error: ArchiveError): z.infer<typeof ArchiveErrorMessageSchema> {
  return { code: error.code, message: error.message, data: error.data }
}
