import type { Migration } from './migration'
import { settingsMigration } from './001-settings'

/** Every migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [settingsMigration]

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0
