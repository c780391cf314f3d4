import { EventPublisher } from '@orpc/server'
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch
} from '../../shared/contracts/settings'

const FIELDS = new Map<string, z.ZodType>(Object.entries(SettingsSchema.shape))

/** User settings as key/value rows of JSON, each value validated on the way in and out. */
export class SettingsStore {
  /** Publishes the full settings after every change, to every subscribed window. */
  readonly events = new EventPublisher<{ changed: Settings }>()
  private readonly selectAll
  private readonly upsert

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
    )
  }

  read(): Settings {
    const settings: Settings = { ...DEFAULT_SETTINGS }
    for (const row of this.selectAll.all()) {
      // A stored value that no longer fits the schema (an old or hand-edited row) falls back to its default.
      const field = FIELDS.get(row.key)
      const parsed = field?.safeParse(parseJson(row.value))
      if (parsed?.success) Object.assign(settings, { [row.key]: parsed.data })
    }
    return settings
  }

  update(patch: SettingsPatch): Settings {
    const now = Date.now()
    this.db.transaction(() => {
      // An explicit undefined (which the RPC layer can carry) means "leave unchanged".
      for (const [key, value] of Object.entries(patch) as [string, unknown][]) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), now)
      }
    })()
    const settings = this.read()
    this.events.publish('changed', settings)
    return settings
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
