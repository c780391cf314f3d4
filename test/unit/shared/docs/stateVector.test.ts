import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { holdsStateVector } from '../../../../src/shared/docs/stateVector'

function typed(text: string, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  doc.getText('t').insert(doc.getText('t').length, text)
  return doc
}

describe('holdsStateVector', () => {
  it('says a copy holds a version once it has every edit the version names, from whoever', () => {
    const writer = typed('From A.')
    const version = Y.encodeStateVector(writer)
    const relay = new Y.Doc()
    expect(holdsStateVector(relay, version)).toBe(false)
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(writer))
    expect(holdsStateVector(relay, version)).toBe(true)
    // Later edits by the writer are not in the version: the relay still holds it.
    writer.getText('t').insert(7, ' More.')
    expect(holdsStateVector(relay, version)).toBe(true)
    expect(holdsStateVector(relay, Y.encodeStateVector(writer))).toBe(false)
  })

  it('needs every writer’s edits, not just as many of them', () => {
    const a = typed('A')
    const b = typed('B', a)
    const onlyA = typed('', a)
    onlyA.getText('t').insert(0, 'C')
    expect(holdsStateVector(onlyA, Y.encodeStateVector(b))).toBe(false)
  })

  it('holds nothing a malformed or oversized state vector names', () => {
    const doc = typed('text')
    expect(holdsStateVector(doc, new Uint8Array([5, 200]))).toBe(false)
    expect(holdsStateVector(doc, new Uint8Array(20_000))).toBe(false)
    expect(holdsStateVector(doc, new Uint8Array([0]))).toBe(true)
  })
})
