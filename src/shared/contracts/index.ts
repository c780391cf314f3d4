import type { ContractRouterClient } from '@orpc/contract'
import { appContract } from './app'
import { docsContract } from './docs'
import { searchContract } from './search'
import { settingsContract } from './settings'

/** The core's whole RPC surface: one entry per feature. Every process derives its types from this. */
export const contract = {
  app: appContract,
  docs: docsContract,
  search: searchContract,
  settings: settingsContract
}

export type CoreClient = ContractRouterClient<typeof contract>
