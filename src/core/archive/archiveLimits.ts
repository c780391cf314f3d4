import { ARCHIVE_MAX_BYTES } from '../../shared/contracts/archive'

/** All files of an archive together may unpack to at most this: an archive claiming more is refused before anything is unpacked. */
export const MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024

/** A workspace archive has one file per draft plus three; far more is not one of ours. */
export const MAX_ENTRIES = 100_000

/** At most this many uploads at once, announcing at most this much together (they land on disk). */
export const MAX_UPLOADS = 2
export const MAX_PENDING_UPLOAD_BYTES = ARCHIVE_MAX_BYTES

/** At most this many finished exports waiting to be read. */
export const MAX_EXPORTS = 2

/** A transfer nobody has touched for this long is dropped (its window closed or reloaded mid-way). */
export const TRANSFER_IDLE_MS = 15 * 60 * 1000
