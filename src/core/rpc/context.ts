import { implement, ORPCError, os } from '@orpc/server'
import { contract } from '../../shared/contracts'
import type { AppStatus } from '../../shared/contracts/app'
import { storageUnavailable } from '../../shared/contracts/errors'
import type { BackupInfo, BackupReason } from '../../shared/contracts/backups'
import type { AiService } from '../ai/aiService'
import type { AiStore } from '../ai/config/aiStore'
import type { ArchiveTransfers } from '../archive/archiveTransfers'
import type { BlobStore } from '../blobs/blobStore'
import type { SearchHit } from '../../shared/contracts/search'
import type { SemanticSearch } from '../search/semantic/semanticSearch'
import type { Workspace } from '../workspace'
import type { DocStore } from '../docs/docStore'
import type { InferenceHost } from '../models/inference/inferenceHost'
import type { ModelManager } from '../models/manager/modelManager'
import type { SettingsStore } from '../settings/settingsStore'
import type { TeamService } from '../sync/team/teamService'
import type { TeamStore } from '../sync/team/teamStore'
import type { UpdatesService } from '../updates/updatesService'
import type { VersionStore } from '../versions/versionStore'

/** What exists only while the workspace database is open. */
export interface StorageServices {
  settings: SettingsStore
  docs: DocStore
  versions: VersionStore
  blobs: BlobStore
  aiStore: AiStore
  teamStore: TeamStore
  search: (text: string, limit: number) => SearchHit[]
  semantic: SemanticSearch
  backUp: (reason: BackupReason) => Promise<BackupInfo>
}

/** The services every handler may use. `storage` is null while the database is blocked. */
export interface CoreContext {
  status: AppStatus
  storage: StorageServices | null
  workspace: Pick<Workspace, 'listBackups' | 'restore'>
  archives: ArchiveTransfers
  ai: AiService
  models: ModelManager
  /** Local model inference for requests that are not chat (image captions). */
  inference: Pick<InferenceHost, 'caption'>
  team: TeamService
  updates: UpdatesService
}

/** The contract bound to the core's context: each feature implements its part from here. */
export const implementer = implement(contract).$context<CoreContext>()

const { STORAGE_UNAVAILABLE } = storageUnavailable

/** For procedures that need the database: refuses with STORAGE_UNAVAILABLE while it is blocked. */
export const requireStorage = os.$context<CoreContext>().middleware(({ context, next }) => {
  if (!context.storage) {
    throw new ORPCError('STORAGE_UNAVAILABLE', {
      status: STORAGE_UNAVAILABLE.status,
      message: STORAGE_UNAVAILABLE.message,
      data: { reason: 'database-too-new' }
    })
  }
  return next({ context: context.storage })
})
