import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LocalChanges } from '../../../../src/shared/docs/localChanges'
import { docFrom, expectSameState, Peer, randomChange, seededRandom, undoManagerFor } from './randomEdits'

const STORAGE = Symbol('storage')

function recorded(doc = new Y.Doc()): { doc: Y.Doc; changes: LocalChanges; calls: () => number } {
  let calls = 0
  const changes = new LocalChanges(doc, STORAGE, () => calls++)
  return { doc, changes, calls: () => calls }
}

/** Updates made by another doc, one per transaction. */
function updatesOf(edit: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  edit(doc)
  return updates
}

describe('LocalChanges', () => {
  it('hands out the changes of many transactions as one update, then starts over', () => {
    const { doc, changes, calls } = recorded()
    const text = doc.getText('text')
    text.insert(0, 'hello')
    text.insert(5, ' world')
    text.delete(0, 1)

    expect(calls()).toBe(3)
    expect(changes.added).toBe(11)
    const first = changes.take()
    expect(changes.added).toBe(0)
    expect(changes.isEmpty).toBe(true)
    expect(changes.take()).toBeNull()
    text.insert(0, 'H')
    const second = changes.take()
    expect(docFrom([first!, second!]).getText('text').toJSON()).toBe('Hello world')
  })

  it('ignores transactions of the ignored origin and transactions that change nothing', () => {
    const { doc, changes, calls } = recorded()
    const [stored] = updatesOf((other) => other.getText('text').insert(0, 'stored'))
    Y.applyUpdate(doc, stored!, STORAGE)
    doc.transact(() => undefined)
    doc.getMap('meta').observe(() => undefined)

    expect(calls()).toBe(0)
    expect(changes.isEmpty).toBe(true)
    expect(changes.take()).toBeNull()
  })

  it('leaves out deletions made by ignored transactions in the same batch', () => {
    const { doc, changes } = recorded()
    const text = doc.getText('text')
    text.insert(0, 'abc')
    const base = changes.take()!
    text.insert(3, 'd')
    // Storage deletes 'a' (already stored, so not ours to send).
    const [deletion] = updatesOf((other) => {
      Y.applyUpdate(other, base)
      other.getText('text').delete(0, 1)
    }).slice(-1)
    Y.applyUpdate(doc, deletion!, STORAGE)
    const update = changes.take()!

    expect(Y.decodeUpdate(update).ds.clients.size).toBe(0)
    expect(docFrom([base, update]).getText('text').toJSON()).toBe('abcd')
  })

  it('sends what an update applied locally could not integrate yet', () => {
    const { doc, changes } = recorded()
    const [first, second, deletion] = updatesOf((other) => {
      const text = other.getText('text')
      text.insert(0, 'hello')
      text.insert(5, ' world')
      text.delete(0, 2)
    })
    Y.applyUpdate(doc, second!) // depends on `first`, which has not arrived
    Y.applyUpdate(doc, deletion!) // deletes part of `first`
    const update = changes.take()!

    expect(docFrom([first!, update]).getText('text').toJSON()).toBe('llo world')
  })

  it('keeps a pending deletion that an ignored transaction integrates before the take', () => {
    const { doc, changes } = recorded()
    const [first, deletion] = updatesOf((other) => {
      other.getText('text').insert(0, 'hello')
      other.getText('text').delete(0, 1)
    })
    Y.applyUpdate(doc, deletion!) // pending: what it deletes has not arrived
    Y.applyUpdate(doc, first!, STORAGE) // storage brings it, and the deletion applies
    expect(doc.getText('text').toJSON()).toBe('ello')

    expect(docFrom([first!, changes.take()!]).getText('text').toJSON()).toBe('ello')
  })

  it('stops recording once destroyed', () => {
    const { doc, changes, calls } = recorded()
    changes.destroy()
    doc.getText('text').insert(0, 'x')
    expect(calls()).toBe(0)
    expect(changes.take()).toBeNull()
  })

  it('loses nothing over random edits, undo, pending updates and interleaved storage updates', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed)
      const source = new Y.Doc()
      source.clientID = 1
      const storage = new Peer(2, random)
      const remote = new Peer(3, random)
      const stored: Uint8Array[] = []
      const fromStorage = (): void => {
        const update = storage.release()
        if (!update) return
        stored.push(update)
        Y.applyUpdate(source, update, STORAGE)
      }
      storage.edit(source)
      fromStorage()
      const { changes } = recorded(source)
      const undo = undoManagerFor(source)

      for (let step = 0; step < 80; step++) {
        const roll = random()
        if (roll < 0.5) randomChange(source, random, undo)
        else if (roll < 0.6) fromStorage()
        else if (roll < 0.7) {
          const update = remote.release()
          if (update) Y.applyUpdate(source, update)
        } else if (roll < 0.8) (random() < 0.5 ? storage : remote).edit(source)
        else {
          const update = changes.take()
          if (update) stored.push(update)
        }
      }
      const last = changes.take()
      if (last) stored.push(last)

      expectSameState(stored, source)
    }
  })
})
