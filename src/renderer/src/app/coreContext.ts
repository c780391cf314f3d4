import { createContext, useContext } from 'react'
import type { CoreClient } from '../../../shared/contracts'
import type { AppStatus } from '../../../shared/contracts/app'
import type { TeamSync } from '../lib/sync/teamSync'

export interface CoreState {
  client: CoreClient
  status: AppStatus
  /** Peer-to-peer sync of the open documents while the workspace is shared with a team. */
  sync: TeamSync
}

export const CoreContext = createContext<CoreState | null>(null)

export function useCore(): CoreState {
  const core = useContext(CoreContext)
  if (!core) throw new Error('useCore() used outside <CoreContext>')
  return core
}
