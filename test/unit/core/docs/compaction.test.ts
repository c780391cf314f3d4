import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compactDocument } from '../../../../src/core/docs/compaction'
import { DocStore } from '../../../../src/core/docs/docStore'
import { memoryDb } from '../../../support/docsDb'
import { recordUpdates, textOf } from '../../../support/yjs'

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates = recordUpdates(doc)
  for (let i = 0; i < count; i++) doc.getText('text').insert(i, String(i % 10))
  for (let i = 0; i < count / 2; i++) doc.getText('text').delete(0, 1)
  return { doc, updates }
}

describe('compactDocument', () => {
  it('replaces the log with a snapshot no larger than the encoded document', async () => {
    const db = memoryDb()
    const store = new DocStore(db)
    store.create('d', 'draft')
    const { doc, updates } = edits(400)
    await store.append('d', updates)
    const result = compactDocument(db, 'd')
    expect(result.merged).toBe(600)
    expect(result.pendingBytes).toBe(0)
    expect(result.snapshotBytes).toBeLessThanOrEqual(Y.encodeStateAsUpdate(doc).byteLength)
    expect(db.prepare('SELECT count(*) FROM doc_updates').pluck().get()).toBe(0)
    expect(textOf(store.load('d').updates)).toBe(doc.getText('text').toJSON())
  })

  it('keeps updates whose dependencies are missing, in the snapshot, until they can be merged', async () => {
    const db = memoryDb()
    const store = new DocStore(db)
    store.create('d', 'draft')
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    for (const [i, ch] of [...'abcdef'].entries()) doc.getText('text').insert(i, ch)
    await store.append('d', [updates[0]!, updates[1]!, updates[4]!, updates[5]!])
    const first = compactDocument(db, 'd')
    expect(first.pendingBytes).toBeGreaterThan(0)
    expect(textOf(store.load('d').updates)).toBe('ab')
    await store.append('d', [updates[2]!, updates[3]!])
    expect(textOf(store.load('d').updates)).toBe('abcdef')
    const second = compactDocument(db, 'd')
    expect(second.pendingBytes).toBe(0)
    expect(textOf(store.load('d').updates)).toBe('abcdef')
  })

  it('does nothing when there is nothing new, and leaves other documents alone', async () => {
    const db = memoryDb()
    const store = new DocStore(db)
    store.create('a', 'draft')
    store.create('b', 'draft')
    await store.append('a', edits(10).updates)
    await store.append('b', edits(10).updates)
    compactDocument(db, 'a')
    expect(compactDocument(db, 'a').merged).toBe(0)
    expect(store.load('b').updateCount).toBe(15)
  })
})
