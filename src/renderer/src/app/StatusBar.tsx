import { readingMinutes } from '../../../shared/text/wordCount'
import { ProviderStatus } from '../features/assistant/ProviderStatus'
import { useSyncPeers } from '../features/team/useSyncPeers'
import { useCore } from './coreContext'

/** One line of truthful state: storage, the open draft's length, each AI provider's state, connected teammates. */
export function StatusBar({ wordCount }: { wordCount: number | null }) {
  const { status } = useCore()
  const sync = useSyncPeers()
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span>{status.storage === 'ready' ? 'Stored on this computer' : 'Storage unavailable: update Holdfast'}</span>
      {wordCount !== null ? (
        <span>
          {wordCount === 1 ? '1 word' : `${wordCount} words`} · {readingMinutes(wordCount)} min read
        </span>
      ) : null}
      <ProviderStatus />
      <span>{sync.shared ? `Sync: ${sync.peers === 1 ? '1 peer' : `${sync.peers} peers`}` : 'Sync: not shared'}</span>
      <span className="version">Holdfast {status.version}</span>
    </footer>
  )
}
