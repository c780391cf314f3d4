import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

// The user's model choices, kept beside the models (they belong to this machine, not to a
// workspace that syncs to teammates with other computers).

const PREFERENCES_FILE = 'holdfast-models.json'

const PreferencesSchema = z.object({ chatModel: z.string().max(200) })
export type ModelPreferences = z.infer<typeof PreferencesSchema>

export function readModelPreferences(modelsDir: string): ModelPreferences {
  try {
    return PreferencesSchema.parse(JSON.parse(readFileSync(join(modelsDir, PREFERENCES_FILE), 'utf8')))
  } catch {
    return { chatModel: '' }
  }
}

export function writeModelPreferences(modelsDir: string, preferences: ModelPreferences): void {
  mkdirSync(modelsDir, { recursive: true })
  const file = join(modelsDir, PREFERENCES_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(preferences))
  renameSync(`${file}.tmp`, file)
}
