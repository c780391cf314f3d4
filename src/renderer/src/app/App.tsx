import { CoreContext } from './coreContext'
import { Shell } from './Shell'
import { useCoreConnection } from './useCoreConnection'

export function App() {
  const connection = useCoreConnection()
  if (connection.phase === 'connecting') {
    return (
      <p role="status" className="splash">
        Starting Holdfast…
      </p>
    )
  }
  if (connection.phase === 'lost') {
    return (
      <div role="alert" className="splash">
        <h1>Holdfast lost its connection to its engine</h1>
        <p>{connection.reason}</p>
        <p>Your saved work is safe on this computer. Reload the window to reconnect.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    )
  }
  return (
    <CoreContext value={connection.core}>
      <Shell />
    </CoreContext>
  )
}
