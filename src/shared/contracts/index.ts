import type { ContractRouterClient } from '@orpc/contract'
import { aiContract } from './ai'
import { appContract } from './app'
import { archiveContract } from './archive'
import { backupsContract } from './backups'
import { blobsContract } from './blobs'
import { docsContract } from './docs'
import { modelsContract } from './models'
import { searchContract } from './search'
import { settingsContract } from './settings'
import { teamContract } from './team'
import { transferContract } from './transfer'
import { updatesContract } from './updates'
import { versionsContract } from './versions'

/** The core's whole RPC surface: one entry per feature. Every process derives its types from this. */
export const contract = {
  ai: aiContract,
  app: appContract,
  archive: archiveContract,
  backups: backupsContract,
  blobs: blobsContract,
  docs: docsContract,
  models: modelsContract,
  search: searchContract,
  settings: settingsContract,
  team: teamContract,
  transfer: transferContract,
  updates: updatesContract,
  versions: versionsContract
}

export type CoreClient = ContractRouterClient<typeof contract>
