import { aiHandlers } from '../ai/aiHandlers'
import { appHandlers } from '../app/appHandlers'
import { archiveHandlers } from '../archive/archiveHandlers'
import { backupHandlers } from '../backup/backupHandlers'
import { blobsHandlers } from '../blobs/blobsHandlers'
import { docsHandlers } from '../docs/docsHandlers'
import { modelsHandlers } from '../models/modelsHandlers'
import { searchHandlers } from '../search/searchHandlers'
import { settingsHandlers } from '../settings/settingsHandlers'
import { teamHandlers } from '../sync/teamHandlers'
import { transferHandlers } from '../transfer/transferHandlers'
import { updatesHandlers } from '../updates/updatesHandlers'
import { versionHandlers } from '../versions/versionHandlers'
import { implementer } from './context'

/** Every feature's handlers in one router; its type is checked against the shared contract. */
export const router = implementer.router({
  ai: aiHandlers,
  app: appHandlers,
  archive: archiveHandlers,
  backups: backupHandlers,
  blobs: blobsHandlers,
  docs: docsHandlers,
  models: modelsHandlers,
  search: searchHandlers,
  settings: settingsHandlers,
  team: teamHandlers,
  transfer: transferHandlers,
  updates: updatesHandlers,
  versions: versionHandlers
})
