import { implement } from '@orpc/server'
import { contract } from '../../shared/contracts'
import type { AppStatus } from '../../shared/contracts/app'
import type { SettingsStore } from '../settings/settingsStore'

/** The services every handler may use. `settings` is null while the database is blocked. */
export interface CoreContext {
  status: AppStatus
  settings: SettingsStore | null
}

/** The contract bound to the core's context: each feature implements its part from here. */
export const implementer = implement(contract).$context<CoreContext>()
