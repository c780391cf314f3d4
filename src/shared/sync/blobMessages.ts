import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { IMAGE_MAX_BYTES, isBlobHash } from '../blobs/images'

/**
 * Images travel between teammates by hash, beside the document (which holds only the reference):
 * a window asks its peers for a hash it lacks ("want"), and a peer that has the image answers
 * with its bytes in chunks. The message type is one y-webrtc does not use (its are 0–4); a stock
 * client never asks, and logs and ignores an ask it is sent.
 */
export const MESSAGE_BLOB = 100
const WANT = 0
const CHUNK = 1

/** Small enough for any data channel, with the framing (MAX_SENT_MESSAGE_BYTES is 64 KiB). */
export const BLOB_CHUNK_BYTES = 48 * 1024
export const MAX_BLOB_CHUNKS = Math.ceil(IMAGE_MAX_BYTES / BLOB_CHUNK_BYTES)

export type BlobMessage =
  | { kind: 'want'; hash: string }
  | { kind: 'chunk'; hash: string; index: number; total: number; bytes: Uint8Array }

export function isBlobMessage(message: Uint8Array): boolean {
  return message[0] === MESSAGE_BLOB
}

export function encodeBlobMessage(message: BlobMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_BLOB)
  encoding.writeVarUint(encoder, message.kind === 'want' ? WANT : CHUNK)
  encoding.writeVarString(encoder, message.hash)
  if (message.kind === 'chunk') {
    encoding.writeVarUint(encoder, message.index)
    encoding.writeVarUint(encoder, message.total)
    encoding.writeVarUint8Array(encoder, message.bytes)
  }
  return encoding.toUint8Array(encoder)
}

/** An image's bytes as chunk messages, in order. */
export function blobChunks(hash: string, bytes: Uint8Array): Uint8Array[] {
  const total = Math.max(1, Math.ceil(bytes.byteLength / BLOB_CHUNK_BYTES))
  return Array.from({ length: total }, (_, index) =>
    encodeBlobMessage({ kind: 'chunk', hash, index, total, bytes: bytes.subarray(index * BLOB_CHUNK_BYTES, (index + 1) * BLOB_CHUNK_BYTES) })
  )
}

/** Reads a blob message whole; throws with the reason when it is malformed or out of bounds. */
export function decodeBlobMessage(message: Uint8Array): BlobMessage {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MESSAGE_BLOB) throw new Error('not an image message')
  const kind = decoding.readVarUint(decoder)
  const hash = decoding.readVarString(decoder)
  if (!isBlobHash(hash)) throw new Error('an image message without a valid hash')
  let result: BlobMessage
  if (kind === WANT) {
    result = { kind: 'want', hash }
  } else if (kind === CHUNK) {
    const index = decoding.readVarUint(decoder)
    const total = decoding.readVarUint(decoder)
    const bytes = decoding.readVarUint8Array(decoder)
    if (total < 1 || total > MAX_BLOB_CHUNKS || index >= total) throw new Error(`image chunk ${index} of ${total} is out of bounds`)
    if (bytes.byteLength > BLOB_CHUNK_BYTES) throw new Error('an image chunk over the size limit')
    result = { kind: 'chunk', hash, index, total, bytes }
  } else {
    throw new Error(`unknown image message ${kind}`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after an image message')
  return result
}
