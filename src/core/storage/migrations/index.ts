import type { Migration } from './migration'
import { settingsMigration } from './001-settings'
import { documentsMigration } from './002-documents'
import { searchMigration } from './003-search'
import { versionsMigration } from './004-versions'
import { blobsMigration } from './005-blobs'
import { aiMigration } from './006-ai'
import { embeddingsMigration } from './007-embeddings'
import { teamMigration } from './008-team'
import { syncMarkersMigration } from './009-sync-markers'
import { teamNetworkMigration } from './010-team-network'
import { teamKeyChangedMigration } from './011-team-key-changed'

/** Every migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [settingsMigration, documentsMigration, searchMigration, versionsMigration, blobsMigration, aiMigration, embeddingsMigration, teamMigration, syncMarkersMigration, teamNetworkMigration, teamKeyChangedMigration]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0
