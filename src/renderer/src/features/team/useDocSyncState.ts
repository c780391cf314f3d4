import type { DocSyncState } from '../../lib/sync/teamSync'
import { useSyncValue } from './useSyncValue'

/** A document's sync state, kept current. */
export function useDocSyncState(docId: string): DocSyncState {
  return useSyncValue((sync) => sync.stateOf(docId), (a, b) => a === b, [docId])
}
