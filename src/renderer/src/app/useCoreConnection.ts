import { useEffect, useState } from 'react'
import { connectToCore } from '../lib/coreConnection'
import { describeError } from '../lib/rpcError'
import { TeamSync } from '../lib/sync/teamSync'
import type { CoreState } from './coreContext'

export type ConnectionState =
  | { phase: 'connecting' }
  | { phase: 'connected'; core: CoreState }
  | { phase: 'lost'; reason: string }

/** Connects to the core once and reports when the connection is lost. */
export function useCoreConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ phase: 'connecting' })

  useEffect(() => {
    let cancelled = false
    connectToCore()
      .then(async ({ client, closed, signalingUrl }) => {
        void closed.then(() => {
          if (!cancelled) setState({ phase: 'lost', reason: 'The connection to the Holdfast core was closed.' })
        })
        const status = await client.app.status()
        if (!cancelled) setState({ phase: 'connected', core: { client, status, sync: new TeamSync(client, signalingUrl) } })
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'lost', reason: describeError(error) })
      })
    return () => {
      cancelled = true
    }
  }, [])

  return state
}
