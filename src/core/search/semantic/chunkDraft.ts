import { createHash } from 'node:crypto'

// A draft's text cut into pieces small enough to embed well: sentence-embedding models read a
// few hundred tokens at most and blur the meaning of long inputs, so a chunk is a run of whole
// paragraphs up to MAX_CHUNK_CHARS; only a paragraph longer than that is cut, at sentence ends
// (or, failing those, at spaces). The title is a chunk of its own.

/** About 150-250 tokens of English: inside every catalog embeddings model's window. */
export const MAX_CHUNK_CHARS = 800

export interface Chunk {
  text: string
  /** SHA-256 of the text: an unchanged chunk keeps its vector. */
  hash: string
}

export function chunkHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Pieces of at most `max` characters, cut after sentence ends, else at spaces, else anywhere. */
function splitLong(paragraph: string, max: number): string[] {
  const pieces: string[] = []
  let rest = paragraph
  while (rest.length > max) {
    const window = rest.slice(0, max + 1)
    const sentenceEnd = Math.max(...['. ', '! ', '? ', '… '].map((end) => window.lastIndexOf(end)))
    const space = window.lastIndexOf(' ')
    const cut = sentenceEnd > max / 3 ? sentenceEnd + 1 : space > max / 3 ? space : max
    pieces.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest) pieces.push(rest)
  return pieces
}

/** The title, then the body's paragraphs (one per line, as the search index stores them) grouped into chunks. */
export function chunkDraft(title: string, body: string, max = MAX_CHUNK_CHARS): Chunk[] {
  const texts: string[] = []
  const heading = title.trim()
  if (heading) texts.push(...splitLong(heading, max))
  let current = ''
  for (const paragraph of body.split('\n').map((line) => line.trim()).filter(Boolean)) {
    for (const piece of splitLong(paragraph, max)) {
      if (current && current.length + 1 + piece.length > max) {
        texts.push(current)
        current = ''
      }
      current = current ? `${current}\n${piece}` : piece
    }
  }
  if (current) texts.push(current)
  return texts.map((text) => ({ text, hash: chunkHash(text) }))
}
