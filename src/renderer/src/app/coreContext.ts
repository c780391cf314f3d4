import { createContext, useContext } from 'react'
import type { CoreClient } from '../../../shared/contracts'
import type { AppStatus } from '../../../shared/contracts/app'

export interface CoreState {
  client: CoreClient
  status: AppStatus
}

export const CoreContext = createContext<CoreState | null>(null)

export function useCore(): CoreState {
  const core = useContext(CoreContext)
  if (!core) throw new Error('useCore() used outside <CoreContext>')
  return core
}
