import { readingMinutes } from '../../../shared/text/wordCount'
import { ProviderStatus } from '../features/assistant/ProviderStatus'
import { useCore } from './coreContext'

/** One line of truthful state: storage, the open draft's length, each AI provider's state; sync when it lands. */
export function StatusBar({ wordCount }: { wordCount: number | null }) {
  const { status } = useCore()
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span>{status.storage === 'ready' ? 'Stored on this computer' : 'Storage unavailable: update Holdfast'}</span>
      {wordCount !== null ? (
        <span>
          {wordCount === 1 ? '1 word' : `${wordCount} words`} · {readingMinutes(wordCount)} min read
        </span>
      ) : null}
      <ProviderStatus />
      <span>Sync: no team</span>
      <span className="version">Holdfast {status.version}</span>
    </footer>
  )
}
