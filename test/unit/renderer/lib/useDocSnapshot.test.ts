import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { followDoc, HELD_REFRESH_MS } from '../../../../src/renderer/src/lib/useDocSnapshot'
import { UpdateHold } from '../../../../src/renderer/src/lib/updateHold'

/** Runs idle callbacks as soon as the event loop is free, as a browser with nothing to draw does. */
function stubIdleCallbacks(): void {
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0))
  vi.stubGlobal('cancelIdleCallback', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle))
}

describe('followDoc', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    stubIdleCallbacks()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  const move = (doc: Y.Doc, x: number): void => {
    doc.getMap('layer').set('x', x)
  }

  it('reports every change at once when nothing holds it', () => {
    const doc = new Y.Doc()
    const onChange = vi.fn()
    followDoc(doc, onChange)
    move(doc, 1)
    move(doc, 2)
    expect(onChange).toHaveBeenCalledTimes(2)
  })

  it('during a drag reports a burst of moves once per interval, and the last one when the drag ends', () => {
    const doc = new Y.Doc()
    const hold = new UpdateHold()
    const seen: unknown[] = []
    followDoc(doc, () => seen.push(doc.getMap('layer').get('x')), hold)
    hold.begin()
    for (let x = 1; x <= 5; x++) move(doc, x)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(HELD_REFRESH_MS + 1)
    expect(seen).toEqual([5])
    move(doc, 6)
    move(doc, 7)
    hold.end()
    expect(seen).toEqual([5, 7])
    // Nothing left waiting: the interval's timer does not report again.
    vi.advanceTimersByTime(HELD_REFRESH_MS * 3)
    expect(seen).toEqual([5, 7])
    move(doc, 8)
    expect(seen).toEqual([5, 7, 8])
  })

  it('reports nothing when a drag ends without changes, and nothing after unsubscribing', () => {
    const doc = new Y.Doc()
    const hold = new UpdateHold()
    const onChange = vi.fn()
    const stop = followDoc(doc, onChange, hold)
    hold.begin()
    hold.end()
    expect(onChange).not.toHaveBeenCalled()
    hold.begin()
    move(doc, 1)
    stop()
    vi.advanceTimersByTime(HELD_REFRESH_MS * 3)
    hold.end()
    expect(onChange).not.toHaveBeenCalled()
  })
})
