import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { DocNotFoundError, DocStore, InvalidUpdateError } from '../../../../src/core/docs/docStore'
import { compactDocument } from '../../../../src/core/docs/compaction'
import { memoryDb } from '../../../support/docsDb'
import { recordUpdates, textOf } from '../../../support/yjs'

function typed(text: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates = recordUpdates(doc)
  for (const [i, ch] of [...text].entries()) doc.getText('text').insert(i, ch)
  return { doc, updates }
}

describe('DocStore', () => {
  it('stores appended updates and loads them back as one state', async () => {
    const store = new DocStore(memoryDb())
    store.create('d1', 'draft')
    const { updates } = typed('hello')
    await store.append('d1', updates)
    const loaded = store.load('d1')
    expect(textOf(loaded.updates)).toBe('hello')
    expect(loaded.updateCount).toBe(5)
  })

  it('commits appends that arrive together in one transaction and tells each caller', async () => {
    const db = memoryDb()
    const store = new DocStore(db)
    store.create('a', 'draft')
    store.create('b', 'draft')
    const transaction = vi.spyOn(db, 'transaction')
    const appended = vi.fn()
    store.onAppended = appended
    const { updates: a } = typed('abc')
    const { updates: b } = typed('xy')
    await Promise.all([store.append('a', a.slice(0, 1)), store.append('a', a.slice(1)), store.append('b', b)])
    expect(transaction).toHaveBeenCalledTimes(1)
    expect(appended).toHaveBeenCalledWith(new Map([['a', 3], ['b', 2]]))
    expect(textOf(store.load('a').updates)).toBe('abc')
    expect(textOf(store.load('b').updates)).toBe('xy')
  })

  it('refuses a batch containing a malformed update and stores none of it', async () => {
    const store = new DocStore(memoryDb())
    store.create('d', 'draft')
    const { updates } = typed('ok')
    await store.append('d', updates)
    const garbage = [new Uint8Array([1, 2, 3, 4, 5]), updates[0]!.slice(0, 3), new Uint8Array(64).fill(255)]
    for (const bad of garbage) {
      const { updates: more } = typed('zz')
      const error = await store.append('d', [more[0]!, bad]).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidUpdateError)
      expect(error).toMatchObject({ index: 1 })
    }
    expect(textOf(store.load('d').updates)).toBe('ok')
    expect(store.load('d').updateCount).toBe(2)
  })

  it('says which document does not exist', async () => {
    const store = new DocStore(memoryDb())
    expect(() => store.load('nope')).toThrow(DocNotFoundError)
    await expect(store.append('nope', typed('x').updates)).rejects.toBeInstanceOf(DocNotFoundError)
  })

  it('keeps updates that arrive before the ones they depend on, and uses them once those arrive', async () => {
    const store = new DocStore(memoryDb())
    store.create('d', 'draft')
    const { updates } = typed('abcd')
    await store.append('d', [updates[2]!, updates[3]!])
    expect(textOf(store.load('d').updates)).toBe('')
    await store.append('d', [updates[0]!, updates[1]!])
    expect(textOf(store.load('d').updates)).toBe('abcd')
  })

  it('loads the snapshot plus whatever was appended after compaction', async () => {
    const db = memoryDb()
    const store = new DocStore(db)
    store.create('d', 'draft')
    const { doc, updates } = typed('hello')
    await store.append('d', updates)
    expect(compactDocument(db, 'd').merged).toBe(5)
    expect(store.load('d').updateCount).toBe(0)
    updates.length = 0
    doc.getText('text').insert(5, ' world')
    await store.append('d', updates)
    expect(store.load('d')).toMatchObject({ updateCount: 1 })
    expect(textOf(store.load('d').updates)).toBe('hello world')
  })

  it('loads an empty document as an empty state', () => {
    const store = new DocStore(memoryDb())
    store.create('d', 'draft')
    expect(textOf(store.load('d').updates)).toBe('')
  })
})
