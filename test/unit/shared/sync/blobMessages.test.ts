import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { BLOB_CHUNK_BYTES, blobChunks, decodeBlobMessage, encodeBlobMessage, MESSAGE_BLOB } from '../../../../src/shared/sync/blobMessages'
import { peerMessageProblem } from '../../../../src/shared/sync/peerMessages'
import { MAX_SENT_MESSAGE_BYTES } from '../../../../src/shared/sync/splitPeerMessage'

const hash = 'c'.repeat(64)

describe('image messages between teammates', () => {
  it('round-trips an ask and an image in chunks that fit in one data channel message', () => {
    expect(decodeBlobMessage(encodeBlobMessage({ kind: 'want', hash }))).toEqual({ kind: 'want', hash })
    const bytes = new Uint8Array(BLOB_CHUNK_BYTES * 2 + 10).map((_, i) => i % 251)
    const chunks = blobChunks(hash, bytes)
    expect(chunks).toHaveLength(3)
    for (const chunk of chunks) {
      expect(chunk.byteLength).toBeLessThanOrEqual(MAX_SENT_MESSAGE_BYTES)
      expect(peerMessageProblem(chunk)).toBeNull()
    }
    const decoded = chunks.map((chunk) => decodeBlobMessage(chunk))
    expect(decoded.map((m) => (m.kind === 'chunk' ? [m.index, m.total] : null))).toEqual([[0, 3], [1, 3], [2, 3]])
    expect(Buffer.concat(decoded.map((m) => (m.kind === 'chunk' ? m.bytes : new Uint8Array())))).toEqual(Buffer.from(bytes))
  })

  it('refuses a bad hash, an out-of-bounds chunk, an oversized chunk, an unknown kind and trailing bytes', () => {
    const raw = (write: (e: encoding.Encoder) => void): Uint8Array => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MESSAGE_BLOB)
      write(e)
      return encoding.toUint8Array(e)
    }
    const chunk = (index: number, total: number, size: number, h = hash) =>
      raw((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, h)
        encoding.writeVarUint(e, index)
        encoding.writeVarUint(e, total)
        encoding.writeVarUint8Array(e, new Uint8Array(size))
      })
    expect(peerMessageProblem(chunk(0, 1, 10, '../holdfast.db'))).toMatch(/valid hash/)
    expect(peerMessageProblem(chunk(3, 3, 10))).toMatch(/out of bounds/)
    expect(peerMessageProblem(chunk(0, 1_000_000, 10))).toMatch(/out of bounds/)
    expect(peerMessageProblem(chunk(0, 1, BLOB_CHUNK_BYTES + 1))).toMatch(/size limit/)
    expect(peerMessageProblem(raw((e) => (encoding.writeVarUint(e, 7), encoding.writeVarString(e, hash))))).toMatch(/unknown image message/)
    expect(peerMessageProblem(new Uint8Array([...encodeBlobMessage({ kind: 'want', hash }), 0]))).toMatch(/trailing/)
    expect(peerMessageProblem(chunk(0, 2, 10).subarray(0, 60))).toMatch(/malformed/)
  })
})
