import { expect } from 'vitest'
import * as Y from 'yjs'
import { applyUpdates } from '../../../../src/shared/docs/yjsUpdates'

// Seeded random editing of Y.Docs, for the tests that check no change is lost on its way to
// storage. Shared by the shared/docs and renderer/lib tests.

export type Random = () => number

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (random: Random, below: number): number => Math.floor(random() * below)
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T
const word = (random: Random): string => pick(random, ['a', 'bc', 'déf', 'ghij', ' ', '\n', '😀x'])

/** A doc's shared types, the ones the edits touch. */
function parts(doc: Y.Doc) {
  return {
    text: doc.getText('text'),
    body: doc.getXmlFragment('body'),
    meta: doc.getMap('meta'),
    list: doc.getArray<unknown>('list')
  }
}

/** Undo/redo over everything the edits touch; no capture timeout, so runs are deterministic. */
export function undoManagerFor(doc: Y.Doc): Y.UndoManager {
  const { text, body, meta, list } = parts(doc)
  return new Y.UndoManager([text, body, meta, list], { captureTimeout: 0 })
}

/**
 * A random position in `text` that is not inside a surrogate pair, as an editor's never is
 * (Yjs splitting a pair replaces both halves with U+FFFD in the splitting doc only).
 */
function position(text: Y.Text | Y.XmlText, random: Random, from = 0): number {
  const string = (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('')
  const at = from + int(random, string.length - from + 1)
  const code = string.charCodeAt(at - 1)
  return at > from && code >= 0xd800 && code <= 0xdbff ? at - 1 : at
}

function editText(doc: Y.Doc, random: Random): void {
  const { text } = parts(doc)
  const at = position(text, random)
  const end = position(text, random, at)
  const choice = int(random, 4)
  if (choice === 0) text.delete(at, end - at)
  else if (choice === 1) text.format(at, end - at, { bold: random() < 0.5 ? true : null })
  else text.insert(at, word(random), random() < 0.3 ? { italic: true } : undefined)
}

function editBody(doc: Y.Doc, random: Random): void {
  const { body } = parts(doc)
  const index = int(random, body.length + 1)
  const paragraph = body.get(Math.min(index, body.length - 1))
  const choice = int(random, 4)
  if (choice === 0 || !(paragraph instanceof Y.XmlElement)) {
    const inserted = new Y.XmlElement(pick(random, ['paragraph', 'heading']))
    inserted.insert(0, [new Y.XmlText(word(random))])
    body.insert(index, [inserted])
  } else if (choice === 1) {
    body.delete(Math.min(index, body.length - 1), 1)
  } else if (choice === 2) {
    paragraph.setAttribute('level', String(int(random, 3)))
  } else {
    const text = paragraph.get(0)
    if (text instanceof Y.XmlText) {
      const at = position(text, random)
      if (random() < 0.4) text.delete(at, position(text, random, at) - at)
      else text.insert(at, word(random))
    }
  }
}

function editMapOrList(doc: Y.Doc, random: Random): void {
  const { meta, list } = parts(doc)
  const key = pick(random, ['title', 'tags', 'nested'])
  const choice = int(random, 5)
  if (choice === 0) meta.delete(key)
  else if (choice === 1) meta.set(key, key === 'nested' ? new Y.Map([['n', int(random, 9)]]) : word(random))
  else if (choice === 2 && list.length > 0) list.delete(int(random, list.length), 1)
  else if (choice === 3) list.insert(int(random, list.length + 1), [int(random, 100), { any: word(random) }])
  else meta.set('binary', new Uint8Array([int(random, 256)]))
}

function edit(doc: Y.Doc, random: Random): void {
  pick(random, [editText, editText, editBody, editMapOrList])(doc, random)
}

/**
 * One random local change to `doc`: an edit, several in one transaction, nested transactions,
 * an empty transaction, or an undo or redo.
 */
export function randomChange(doc: Y.Doc, random: Random, undo: Y.UndoManager): void {
  const choice = int(random, 10)
  if (choice === 0) undo.undo()
  else if (choice === 1) undo.redo()
  else if (choice === 2) doc.transact(() => undefined)
  else if (choice === 3) {
    doc.transact(() => {
      edit(doc, random)
      doc.transact(() => edit(doc, random))
      edit(doc, random)
    })
  } else doc.transact(() => edit(doc, random))
}

const SYNC = Symbol('sync')

/**
 * Another writer: it edits its own copy of the document and hands its updates out in a random
 * order, so a receiver often gets some before those they depend on (Yjs keeps those pending).
 */
export class Peer {
  readonly doc = new Y.Doc()
  private readonly held: Uint8Array[] = []

  constructor(
    clientId: number,
    private readonly random: Random
  ) {
    this.doc.clientID = clientId
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== SYNC) this.held.push(update)
    })
  }

  /** Sees what `doc` holds (not kept as its own output), then makes a few edits. */
  edit(doc: Y.Doc): void {
    if (this.random() < 0.5) Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(doc), SYNC)
    for (let i = int(this.random, 3); i >= 0; i--) this.doc.transact(() => edit(this.doc, this.random))
  }

  /** One held update (or null when none), picked at random so the order is shuffled. */
  release(): Uint8Array | null {
    if (this.held.length === 0) return null
    return this.held.splice(int(this.random, this.held.length), 1)[0] ?? null
  }
}

/** A fresh doc holding the given updates. */
export function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  applyUpdates(doc, updates)
  return doc
}

/**
 * Expects `stored`, applied in order to a fresh doc, to hold exactly what `source` holds: the
 * same structs, deletions, pending parts and content (both are rebuilt from updates, so their
 * encodings compare byte for byte).
 */
export function expectSameState(stored: readonly Uint8Array[], source: Y.Doc): void {
  const restored = docFrom(stored)
  const expected = docFrom([Y.encodeStateAsUpdate(source)])
  expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(source))
  expect(Y.equalSnapshots(Y.snapshot(restored), Y.snapshot(source))).toBe(true)
  expect(Y.encodeStateAsUpdate(restored)).toEqual(Y.encodeStateAsUpdate(expected))
  const [mine, theirs] = [parts(restored), parts(source)]
  expect(mine.text.toDelta()).toEqual(theirs.text.toDelta())
  expect(mine.body.toJSON()).toEqual(theirs.body.toJSON())
  expect(mine.meta.toJSON()).toEqual(theirs.meta.toJSON())
  expect(mine.list.toJSON()).toEqual(theirs.list.toJSON())
}
