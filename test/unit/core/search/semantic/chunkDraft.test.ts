import { describe, expect, it } from 'vitest'
import { chunkDraft, chunkHash, MAX_CHUNK_CHARS } from '../../../../../src/core/search/semantic/chunkDraft'

const sentence = (n: number): string => `Sentence number ${n} talks about the harbour and its ferry.`

describe('chunkDraft', () => {
  it('makes the title a chunk and groups short paragraphs, never splitting one', () => {
    const chunks = chunkDraft('Storm night', 'First paragraph.\nSecond paragraph.\n\n  \nThird paragraph.')
    expect(chunks.map((c) => c.text)).toEqual(['Storm night', 'First paragraph.\nSecond paragraph.\nThird paragraph.'])
    expect(chunks[0]!.hash).toBe(chunkHash('Storm night'))
  })

  it('starts a new chunk where the next paragraph would pass the bound', () => {
    const a = 'a'.repeat(50)
    const b = 'b'.repeat(50)
    const c = 'c'.repeat(50)
    expect(chunkDraft('', `${a}\n${b}\n${c}`, 110).map((chunk) => chunk.text)).toEqual([`${a}\n${b}`, c])
  })

  it('cuts a paragraph longer than the bound at sentence ends, and a sentence-less one at spaces', () => {
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ')
    const chunks = chunkDraft('', long)
    expect(chunks.length).toBeGreaterThan(2)
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS)
      expect(chunk.text).toMatch(/^Sentence number \d+ .*ferry\.$/s)
    }
    expect(chunks.map((c) => c.text).join(' ')).toBe(long)

    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ')
    const pieces = chunkDraft('', words, 100)
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(100)
    expect(pieces.map((p) => p.text).join(' ')).toBe(words)
  })

  it('gives no chunks for an empty draft, and the same hashes for the same text', () => {
    expect(chunkDraft('  ', '\n\n')).toEqual([])
    expect(chunkDraft('T', 'Body')).toEqual(chunkDraft('T', 'Body'))
    expect(chunkDraft('T', 'Body')[1]!.hash).not.toBe(chunkDraft('T', 'Body!')[1]!.hash)
  })
})
