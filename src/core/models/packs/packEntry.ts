/** The content of a file, a piece at a time. */
export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>

/** One file to write into a pack: its path in the pack, and its content. */
export interface PackEntry {
  path: string
  content: () => Chunks
}
