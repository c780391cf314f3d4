/**
 * How many bytes of updates one docs.append call carries at most. A request frame holds 8 MiB
 * of text (MAX_FRAME_CHARS in core/rpc/requestFrame.ts) and binary data travels as base64,
 * 4 characters per 3 bytes, so 4.5 MiB of updates is about 6 M characters with room for the rest.
 */
export const MAX_APPEND_BYTES = 4.5 * 1024 * 1024

/** Splits updates, in order, into groups that each fit in one append call. */
export function appendBatches(updates: readonly Uint8Array[], maxBytes = MAX_APPEND_BYTES): Uint8Array[][] {
  const batches: Uint8Array[][] = []
  let current: Uint8Array[] = []
  let size = 0
  for (const update of updates) {
    if (current.length > 0 && size + update.byteLength > maxBytes) {
      batches.push(current)
      current = []
      size = 0
    }
    current.push(update)
    size += update.byteLength
  }
  if (current.length > 0) batches.push(current)
  return batches
}
