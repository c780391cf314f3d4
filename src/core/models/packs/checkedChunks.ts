import { createHash } from 'node:crypto'

/** What a file's content must be. */
export interface ExpectedContent {
  size: number
  sha256: string
}

export interface CheckOptions {
  /** The error to throw when the content is not the expected one. */
  mismatch: () => Error
  onBytes?: (bytes: number) => void
  signal?: AbortSignal
}

/**
 * Passes `chunks` through while checking their size and SHA-256 against `expected`, so a file
 * is checked in the same single read that copies it. Throws `mismatch()` as soon as the content
 * is too large, or after the last piece when it is not exactly the expected content: whoever
 * consumes the pieces must treat what it wrote as unchecked until the iteration ends.
 */
export async function* checkedChunks(
  chunks: AsyncIterable<Uint8Array>,
  expected: ExpectedContent,
  { mismatch, onBytes, signal }: CheckOptions
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of chunks) {
    signal?.throwIfAborted()
    size += chunk.byteLength
    if (size > expected.size) throw mismatch()
    hash.update(chunk)
    yield chunk
    onBytes?.(chunk.byteLength)
  }
  if (size !== expected.size || hash.digest('hex') !== expected.sha256) throw mismatch()
}
