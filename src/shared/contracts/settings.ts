import { eventIterator } from '@orpc/contract'
import { z } from 'zod'
import { AiTaskSchema } from '../ai/tasks'
import { MAX_PEER_NAME } from '../sync/presence'
import { storageProcedure } from './errors'

export const ThemeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof ThemeSchema>

/** Every user setting with its type. Adding a setting means adding a field here, nothing else. */
export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** Automatic versions older than this are removed; named versions are kept. */
  versionRetentionDays: z.number().int().min(1).max(3650),
  /** The AI provider order per task (provider ids); tasks not listed use every provider in settings order. */
  aiChains: z.partialRecord(AiTaskSchema, z.array(z.string().min(1).max(64)).min(1).max(20)),
  /** "Never send to cloud" for the whole workspace: AI help uses local providers only. */
  aiLocalOnly: z.boolean(),
  /**
   * Certificates (PEM) the AI providers' connections trust besides the system's: a newsroom
   * proxy that inspects TLS presents its own. Empty for none.
   */
  aiTrustedCertificates: z
    .string()
    .max(200_000)
    .regex(/^(\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----)*\s*$/, 'only PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)'),
  /** The name teammates see next to this person's cursor and in the Team view; empty shows "Teammate". */
  displayName: z.string().max(MAX_PEER_NAME)
})
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = { theme: 'system', versionRetentionDays: 90, aiChains: {}, aiLocalOnly: false, aiTrustedCertificates: '', displayName: '' }

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const settingsContract = {
  get: storageProcedure.output(SettingsSchema),
  update: storageProcedure.input(SettingsPatchSchema).output(SettingsSchema),
  /** Streams the full settings every time any window changes them. */
  changes: storageProcedure.output(eventIterator(SettingsSchema))
}
