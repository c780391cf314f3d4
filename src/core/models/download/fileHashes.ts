import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'

export interface FileHashes {
  size: number
  sha256: string
  /** Git's blob id: sha1 of "blob <size>\0" followed by the content. */
  gitBlobId: string
}

/** Reads the file once and returns both hashes the Hub publishes. */
export async function hashFile(path: string): Promise<FileHashes> {
  const { size } = await stat(path)
  const sha256 = createHash('sha256')
  const sha1 = createHash('sha1').update(`blob ${size}\0`)
  for await (const chunk of createReadStream(path)) {
    sha256.update(chunk as Buffer)
    sha1.update(chunk as Buffer)
  }
  return { size, sha256: sha256.digest('hex'), gitBlobId: sha1.digest('hex') }
}
