import type { DocSyncState } from '../../lib/sync/teamSync'
import { useDocSyncState } from './useDocSyncState'

const TEXT: Record<Exclude<DocSyncState, 'not shared'>, string> = {
  synced: 'Synced',
  syncing: 'Syncing…',
  'no peers': 'No teammates online',
  offline: 'Sync offline'
}

/** A document's sync state in words; nothing while the workspace is not shared. */
export function SyncBadge({ docId, label }: { docId: string; label: string }) {
  const state = useDocSyncState(docId)
  if (state === 'not shared') return null
  return (
    <span role="status" className={`sync-badge sync-${state.replace(' ', '-')}`} aria-label={label}>
      {TEXT[state]}
    </span>
  )
}
