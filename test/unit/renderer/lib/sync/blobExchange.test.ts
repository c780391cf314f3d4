import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { onBlobArrived } from '../../../../../src/renderer/src/lib/sync/blobArrivals'
import { BlobExchange, type BlobPeer } from '../../../../../src/renderer/src/lib/sync/blobExchange'
import { sniffImageType } from '../../../../../src/shared/blobs/images'
import type { CoreClient } from '../../../../../src/shared/contracts'
import { BLOB_CHUNK_BYTES, decodeBlobMessage, encodeBlobMessage } from '../../../../../src/shared/sync/blobMessages'
import { pngImage, sha256 } from '../../../../support/images'

/**
 * A device's image store as the core's blobs API answers (its real implementation is tested in
 * test/unit/core/blobs): by SHA-256, images only, NOT_FOUND for an unknown hash.
 */
function device(): CoreClient {
  const stored = new Map<string, { mime: string; bytes: Uint8Array }>()
  const blobs = {
    putImage: ({ bytes }: { bytes: Uint8Array }) => {
      const mime = sniffImageType(bytes)
      if (!mime) return Promise.reject(Object.assign(new Error('The file is not a PNG, JPEG, GIF or WebP image.'), { code: 'NOT_AN_IMAGE' }))
      const hash = createHash('sha256').update(bytes).digest('hex')
      stored.set(hash, { mime, bytes: bytes.slice() })
      return Promise.resolve({ hash, mime, ref: `holdfast-blob:${hash}` })
    },
    missing: ({ hashes }: { hashes: string[] }) => Promise.resolve({ missing: [...new Set(hashes)].filter((hash) => !stored.has(hash)) }),
    get: ({ hash }: { hash: string }) => {
      const blob = stored.get(hash)
      return blob ? Promise.resolve(blob) : Promise.reject(Object.assign(new Error('No stored image has that hash.'), { code: 'NOT_FOUND' }))
    }
  }
  return { blobs } as unknown as CoreClient
}

/** A PNG signature and random bytes: an image to the core, and no two alike. */
function bigImage(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size))
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return bytes
}

/** Two devices' exchanges joined by a pair of in-memory links that record what was sent. */
function teammates(connected = true) {
  const [clientA, clientB] = [device(), device()]
  const sent = { toA: [] as Uint8Array[], toB: [] as Uint8Array[] }
  let a: BlobExchange | null = null
  let b: BlobExchange | null = null
  const linkToA: BlobPeer = { send: (data) => (sent.toA.push(data), a?.receive(decodeBlobMessage(data), linkToB)) }
  const linkToB: BlobPeer = { send: (data) => (sent.toB.push(data), b?.receive(decodeBlobMessage(data), linkToA)) }
  let online = connected
  a = new BlobExchange(clientA, () => (online ? [linkToB] : []))
  b = new BlobExchange(clientB, () => (online ? [linkToA] : []))
  return { a, b, clientA, clientB, sent, linkToA, goOnline: () => (online = true) }
}

function arrival(hash: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = onBlobArrived((arrived) => {
      if (arrived !== hash) return
      stop()
      resolve()
    })
  })
}

describe('images between teammates', () => {
  it('fetches an image a teammate has, in chunks, and stores the same bytes', async () => {
    const { b, clientA, clientB, sent } = teammates()
    const image = bigImage(BLOB_CHUNK_BYTES * 3 + 100)
    const { hash } = await clientA.blobs.putImage({ bytes: image })
    const arrived = arrival(hash)
    await b.fetchMissing([hash])
    await arrived
    expect(await clientB.blobs.get({ hash })).toEqual({ mime: 'image/png', bytes: image })
    expect(sent.toB.length).toBe(4)
  })

  it('asks for nothing it already has, and asks a teammate who comes online later', async () => {
    const { b, clientA, clientB, sent, linkToA, goOnline } = teammates(false)
    const png = pngImage(12, 12)
    await clientB.blobs.putImage({ bytes: png })
    await b.fetchMissing([sha256(png)])
    expect(sent.toA).toEqual([])

    const { hash } = await clientA.blobs.putImage({ bytes: pngImage(30, 10) })
    await b.fetchMissing([hash])
    expect(sent.toA).toEqual([])
    const arrived = arrival(hash)
    goOnline()
    b.peerConnected(linkToA)
    await arrived
    expect((await clientB.blobs.get({ hash })).mime).toBe('image/png')
  })

  it('drops a chunk nobody asked for, and stores nothing whose bytes do not match the hash', async () => {
    const { b, clientB, linkToA } = teammates()
    const unasked = pngImage(5, 5)
    b.receive({ kind: 'chunk', hash: sha256(unasked), index: 0, total: 1, bytes: unasked }, linkToA)
    // A hostile teammate answers an ask with other bytes.
    const wanted = 'd'.repeat(64)
    const hostile: BlobPeer = { send: () => undefined }
    const exchange = new BlobExchange(clientB, () => [hostile])
    await exchange.fetchMissing([wanted])
    exchange.receive(decodeBlobMessage(encodeBlobMessage({ kind: 'chunk', hash: wanted, index: 0, total: 1, bytes: pngImage(6, 6) })), hostile)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await clientB.blobs.missing({ hashes: [sha256(unasked), wanted] })).toEqual({ missing: [sha256(unasked), wanted] })
  })
})
