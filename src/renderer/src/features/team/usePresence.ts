import type { PresentPeer } from '../../lib/sync/teamSync'
import { sameJson, useSyncValue } from './useSyncValue'

/** Teammates present in an open document (awareness changes often; the list seldom does). */
export function usePresence(docId: string): PresentPeer[] {
  return useSyncValue((sync) => sync.presentIn(docId), sameJson, [docId])
}
