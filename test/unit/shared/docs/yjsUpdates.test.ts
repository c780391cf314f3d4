import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { pendingOf } from '../../../../src/shared/docs/yjsUpdates'

describe('pendingOf', () => {
  it('returns what could not be integrated yet as a v1 update that completes the document once its dependency arrives', () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    source.getText('t').insert(0, 'Storm ')
    source.getText('t').insert(6, 'at sea')
    source.getText('t').delete(0, 1)
    const [first, ...rest] = updates
    if (!first) throw new Error('no updates')

    // Everything but the first update: it all waits for it.
    const waiting = new Y.Doc()
    for (const update of rest) Y.applyUpdate(waiting, update)
    expect(waiting.getText('t').toJSON()).toBe('')
    const pending = pendingOf(waiting)
    if (!pending) throw new Error('nothing pending')

    const restored = new Y.Doc()
    Y.applyUpdate(restored, first)
    Y.applyUpdate(restored, pending)
    expect(restored.getText('t').toJSON()).toBe('torm at sea')
  })

  it('is null when nothing waits', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'complete')
    expect(pendingOf(doc)).toBeNull()
  })
})
