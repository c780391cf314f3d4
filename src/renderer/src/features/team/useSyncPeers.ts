import { sameJson, useSyncValue } from './useSyncValue'

/** Whether the workspace is shared, and how many teammates this window is connected to. */
export function useSyncPeers(): { shared: boolean; peers: number } {
  return useSyncValue((sync) => ({ shared: sync.shared, peers: sync.connectedPeers() }), sameJson, [])
}
