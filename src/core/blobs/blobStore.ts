import { createHash } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import { type ImageType, sniffImageType } from '../../shared/blobs/images'

export interface StoredBlob {
  hash: string
  mime: ImageType
}

/** Thrown when bytes offered as an image are not one of the image types drafts keep. */
export class NotAnImageError extends Error {
  override readonly name = 'NotAnImageError'
}

/** Content-addressed image storage: the same bytes are stored once, whoever adds them. */
export class BlobStore {
  private readonly insert: Statement<[string, string, Uint8Array, number]>
  private readonly select: Statement<[string], { mime: string; bytes: Buffer }>
  private readonly exists: Statement<[string], number>

  constructor(db: Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO blobs (hash, mime, bytes, created_at) VALUES (?, ?, ?, ?)')
    this.select = db.prepare('SELECT mime, bytes FROM blobs WHERE hash = ?')
    this.exists = db.prepare<[string], number>('SELECT 1 FROM blobs WHERE hash = ?').pluck()
  }

  /** Stores an image and returns its hash. Durable on return (one synchronous transaction). */
  putImage(bytes: Uint8Array): StoredBlob {
    const mime = sniffImageType(bytes)
    if (!mime) throw new NotAnImageError('The file is not a PNG, JPEG, GIF or WebP image.')
    const hash = createHash('sha256').update(bytes).digest('hex')
    this.insert.run(hash, mime, bytes, Date.now())
    return { hash, mime }
  }

  get(hash: string): { mime: string; bytes: Uint8Array } | null {
    const row = this.select.get(hash)
    return row ? { mime: row.mime, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) } : null
  }

  /** The hashes of these that no stored image has. */
  missing(hashes: readonly string[]): string[] {
    return [...new Set(hashes)].filter((hash) => this.exists.get(hash) === undefined)
  }
}
