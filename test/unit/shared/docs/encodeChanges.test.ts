import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeChanges } from '../../../../src/shared/docs/encodeChanges'
import { docFrom, expectSameState, randomChange, seededRandom, undoManagerFor } from './randomEdits'

const stateOf = (doc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(doc))
const noDeletions = (): ReturnType<typeof Y.createDeleteSet> => Y.createDeleteSet()

describe('encodeChanges', () => {
  it('is an empty update when nothing changed', () => {
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'hello')
    expect(encodeChanges(doc, stateOf(doc), noDeletions())).toEqual(new Uint8Array([0, 0]))
  })

  it('carries what each transaction did, as the update Yjs emits for it does', () => {
    const random = seededRandom(7)
    const doc = new Y.Doc()
    doc.clientID = 1
    const undo = undoManagerFor(doc)
    const ours: Uint8Array[] = []
    const emitted: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => emitted.push(update))
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      ours.push(encodeChanges(doc, transaction.beforeState, transaction.deleteSet))
    })
    for (let i = 0; i < 300; i++) randomChange(doc, random, undo)

    expectSameState(ours, doc)
    expect(Y.encodeStateAsUpdate(docFrom(ours))).toEqual(Y.encodeStateAsUpdate(docFrom(emitted)))
  })

  it('writes the given deletions only, not every deletion the document ever had', () => {
    const doc = new Y.Doc()
    const text = doc.getText('text')
    for (let i = 0; i < 1000; i++) {
      text.insert(text.length, 'abc')
      text.delete(text.length - 2, 1)
    }
    const since = stateOf(doc)
    let deletions = noDeletions()
    doc.on('afterTransaction', (transaction: Y.Transaction) => (deletions = transaction.deleteSet))
    text.delete(0, 1)

    const update = encodeChanges(doc, since, deletions)
    expect(update.byteLength).toBeLessThan(20)
    expect(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(since)).byteLength).toBeGreaterThan(1000)
    const replica = docFrom([Y.encodeStateAsUpdate(doc)])
    Y.applyUpdate(replica, update)
    expect(replica.getText('text').toJSON()).toBe(text.toJSON())
  })

  it('starts inside a struct Yjs has merged, and writes deleted content as deleted', () => {
    const doc = new Y.Doc()
    const text = doc.getText('text')
    text.insert(0, 'abc')
    const since = stateOf(doc)
    const before = Y.encodeStateAsUpdate(doc)
    text.insert(3, 'def') // merged with 'abc' into one struct
    text.delete(0, 4) // deleted content is dropped from the doc (gc)
    const deletions = Y.snapshot(doc).ds

    const replica = docFrom([before, encodeChanges(doc, since, deletions)])
    expect(replica.getText('text').toJSON()).toBe('ef')
    expectSameState([before, encodeChanges(doc, since, deletions)], doc)
  })
})
