import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import type { TeamSync } from '../../lib/sync/teamSync'

/**
 * A value read from the window's team sync, read again on every sync change and every second:
 * y-webrtc says nothing when a connection opens or a teammate's presence changes, so the UI looks.
 * A read equal to the last (by `same`) keeps the last, so nothing re-renders for nothing.
 */
export function useSyncValue<T>(read: (sync: TeamSync) => T, same: (a: T, b: T) => boolean, deps: readonly unknown[]): T {
  const { sync } = useCore()
  const [value, setValue] = useState<T>(() => read(sync))
  useEffect(() => {
    const update = (): void => setValue((previous) => {
      const next = read(sync)
      return same(previous, next) ? previous : next
    })
    update()
    const timer = setInterval(update, 1000)
    const unsubscribe = sync.onChange(update)
    return () => {
      clearInterval(timer)
      unsubscribe()
    }
    // The reader is a new function each render; what it reads is named by deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sync, ...deps])
  return value
}

/** Equal as JSON: for the small plain values the sync UI shows. */
export function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
