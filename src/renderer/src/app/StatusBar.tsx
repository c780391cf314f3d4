import { readingMinutes } from '../../../shared/text/wordCount'
import { useCore } from './coreContext'

/** One line of truthful state: storage and the open draft's length; AI and sync as their features land. */
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
      <span>AI: not set up</span>
      <span>Sync: no team</span>
      <span className="version">Holdfast {status.version}</span>
    </footer>
  )
}
