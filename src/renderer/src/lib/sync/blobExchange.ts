import type { CoreClient } from '../../../../shared/contracts'
import { blobChunks, encodeBlobMessage, type BlobMessage } from '../../../../shared/sync/blobMessages'
import { blobArrived } from './blobArrivals'

/** A connected peer, as far as images go. */
export interface BlobPeer {
  send(data: Uint8Array): void
}

interface Arriving {
  total: number
  chunks: (Uint8Array | undefined)[]
  received: number
}

/** Images being sent to peers at once; further asks wait for the peer to ask again. */
const MAX_SERVING = 4
/** Images being received at once (each at most IMAGE_MAX_BYTES). */
const MAX_ARRIVING = 8

/**
 * Fetches the images a window's documents refer to and this device lacks from connected
 * teammates, and serves the images this device holds to teammates who ask. What arrives is
 * stored only when its SHA-256 is the hash that was asked for (and the core accepts it as an
 * image); a chunk nobody asked for is dropped.
 */
export class BlobExchange {
  private readonly wanted = new Set<string>()
  private readonly arriving = new Map<string, Arriving>()
  private serving = 0

  constructor(
    private readonly client: CoreClient,
    /** Every peer this window is connected to now. */
    private readonly peers: () => Iterable<BlobPeer>
  ) {}

  /** Images asked for and not stored yet. */
  get waiting(): number {
    return this.wanted.size
  }

  /** Asks connected teammates for those of these images this device does not have. */
  async fetchMissing(hashes: readonly string[]): Promise<void> {
    if (hashes.length === 0) return
    const { missing } = await this.client.blobs.missing({ hashes: [...new Set(hashes)].slice(0, 1000) })
    const fresh = missing.filter((hash) => !this.wanted.has(hash))
    for (const hash of fresh) this.wanted.add(hash)
    for (const peer of this.peers()) for (const hash of fresh) send(peer, encodeBlobMessage({ kind: 'want', hash }))
  }

  /** A peer has just connected: it may have what is still wanted. */
  peerConnected(peer: BlobPeer): void {
    for (const hash of this.wanted) send(peer, encodeBlobMessage({ kind: 'want', hash }))
  }

  receive(message: BlobMessage, from: BlobPeer): void {
    if (message.kind === 'want') void this.serve(message.hash, from)
    else this.take(message)
  }

  private async serve(hash: string, to: BlobPeer): Promise<void> {
    if (this.serving >= MAX_SERVING) return
    this.serving++
    try {
      const blob = await this.client.blobs.get({ hash }).catch(() => null)
      if (blob) for (const chunk of blobChunks(hash, blob.bytes)) send(to, chunk)
    } finally {
      this.serving--
    }
  }

  private take(chunk: Extract<BlobMessage, { kind: 'chunk' }>): void {
    if (!this.wanted.has(chunk.hash)) return
    let entry = this.arriving.get(chunk.hash)
    if (!entry || entry.total !== chunk.total) {
      if (!entry && this.arriving.size >= MAX_ARRIVING) return
      entry = { total: chunk.total, chunks: new Array<Uint8Array | undefined>(chunk.total), received: 0 }
      this.arriving.set(chunk.hash, entry)
    }
    // Two peers may answer the same ask: the same bytes, by hash; a chunk already here is skipped.
    if (entry.chunks[chunk.index]) return
    entry.chunks[chunk.index] = chunk.bytes.slice()
    entry.received++
    if (entry.received < entry.total) return
    this.arriving.delete(chunk.hash)
    void this.store(chunk.hash, concat(entry.chunks))
  }

  private async store(hash: string, bytes: Uint8Array): Promise<void> {
    if ((await sha256Hex(bytes)) !== hash) {
      // Not asked again now (a peer sending wrong bytes would loop); the next look at the document asks again.
      this.wanted.delete(hash)
      console.warn(`Team sync: an image sent by a teammate did not match its hash ${hash.slice(0, 12)}…; it was not stored.`)
      return
    }
    try {
      await this.client.blobs.putImage({ bytes })
    } catch (error) {
      console.warn(`Team sync: an image from a teammate was not stored: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    this.wanted.delete(hash)
    blobArrived(hash)
  }
}

/** A send to a peer that is closing fails; it is asked again when it (or another) connects. */
function send(peer: BlobPeer, data: Uint8Array): void {
  try {
    peer.send(data)
  } catch {
    // Dropped with the connection.
  }
}

function concat(chunks: readonly (Uint8Array | undefined)[]): Uint8Array {
  const parts = chunks.filter((chunk): chunk is Uint8Array => chunk !== undefined)
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
