import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebrtcProvider } from 'y-webrtc'
import { dropStuckConnections, STUCK_AFTER_MS } from '../../../../../src/renderer/src/lib/sync/stuckConnections'

afterEach(() => {
  vi.useRealTimers()
})

function conn(connected: boolean) {
  return { connected, destroy: vi.fn() }
}

describe('dropStuckConnections', () => {
  it('closes a connection that has not opened within the limit, and leaves open ones and new ones alone', () => {
    vi.useFakeTimers()
    const stuck = conn(false)
    const open = conn(true)
    const conns = new Map<string, ReturnType<typeof conn>>([
      ['stuck', stuck],
      ['open', open]
    ])
    const provider = { room: { webrtcConns: conns } } as unknown as WebrtcProvider
    const stop = dropStuckConnections(provider)

    vi.advanceTimersByTime(STUCK_AFTER_MS - 1000)
    const late = conn(false)
    conns.set('late', late)
    expect(stuck.destroy).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(stuck.destroy).toHaveBeenCalledOnce()
    expect(open.destroy).not.toHaveBeenCalled()
    // The one that came later gets its own full wait; one that opens meanwhile is kept.
    expect(late.destroy).not.toHaveBeenCalled()
    late.connected = true
    vi.advanceTimersByTime(STUCK_AFTER_MS)
    expect(late.destroy).not.toHaveBeenCalled()

    stop()
    conns.set('after stop', conn(false))
    vi.advanceTimersByTime(2 * STUCK_AFTER_MS)
    expect(conns.get('after stop')?.destroy).not.toHaveBeenCalled()
  })
})
