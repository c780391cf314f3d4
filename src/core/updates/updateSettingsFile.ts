import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { z } from 'zod'
import { DEFAULT_UPDATE_SETTINGS, UpdateSettingsSchema, type UpdateSettings } from '../../shared/contracts/updates'

export interface UpdateSettingsFile {
  read(): UpdateSettings
  /** Replaces the file whole; throws when it cannot be written. */
  write(settings: UpdateSettings): void
}

const FIELDS = Object.entries(UpdateSettingsSchema.shape) as [keyof UpdateSettings, z.ZodType][]

/** This computer's update settings, as JSON in the data folder. */
export function updateSettingsFile(file: string): UpdateSettingsFile {
  return {
    read() {
      const stored = readJson(file)
      const settings: UpdateSettings = { ...DEFAULT_UPDATE_SETTINGS }
      // A value that does not fit (hand-edited, or from another version) falls back to its default.
      for (const [key, schema] of FIELDS) {
        const parsed = schema.safeParse(stored?.[key])
        if (parsed.success) Object.assign(settings, { [key]: parsed.data })
      }
      return settings
    },
    write(settings) {
      const temporary = `${file}.tmp`
      writeFileSync(temporary, JSON.stringify(settings, null, 2))
      renameSync(temporary, file)
    }
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
