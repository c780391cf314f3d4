import { useCore } from './coreContext'

/** One line of truthful state: storage now; AI and sync as their features land. */
export function StatusBar() {
  const { status } = useCore()
  return (
    <footer className="status-bar">
      <span role="status">
        {status.storage === 'ready' ? 'Stored on this computer' : 'Storage unavailable: update Holdfast'}
      </span>
      <span>AI: not set up</span>
      <span>Sync: no team</span>
      <span className="version">Holdfast {status.version}</span>
    </footer>
  )
}
