import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'

/** Whether the workspace is shared, and how many teammates this window is connected to (checked every second). */
export function useSyncPeers(): { shared: boolean; peers: number } {
  const { sync } = useCore()
  const read = (): { shared: boolean; peers: number } => ({ shared: sync.shared, peers: sync.connectedPeers() })
  const [state, setState] = useState(read)
  useEffect(() => {
    const update = (): void =>
      setState((previous) => {
        const next = { shared: sync.shared, peers: sync.connectedPeers() }
        return next.shared === previous.shared && next.peers === previous.peers ? previous : next
      })
    const timer = setInterval(update, 1000)
    const unsubscribe = sync.onChange(update)
    return () => {
      clearInterval(timer)
      unsubscribe()
    }
  }, [sync])
  return state
}
