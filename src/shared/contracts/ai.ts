import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { AssistantRequestSchema } from '../ai/actions'
import { ProviderFailureKindSchema } from '../ai/failures'
import { ProviderConfigSchema, ProviderIdSchema } from '../ai/providerConfig'
import { RouterPolicySchema } from '../ai/routerPolicy'
import { altTextErrors, AltTextInputSchema, AltTextResultSchema } from './altText'
import { DesignCopyEventSchema, DesignCopyInputSchema, MoodPaletteEventSchema, MoodPaletteInputSchema } from './designAi'

const ProviderRef = { providerId: z.string(), model: z.string(), label: z.string() }

/** What happens while the assistant answers, streamed as it happens. */
export const AssistEventSchema = z.discriminatedUnion('type', [
  /** A provider is being asked. */
  z.object({ type: z.literal('attempt'), ...ProviderRef }),
  z.object({ type: z.literal('token'), text: z.string() }),
  /**
   * The provider failed and the next one takes over: 'continue' keeps the text so far (the UI
   * marks the seam), 'restart' discards it (too short to continue, or structured output).
   */
  z.object({
    type: z.literal('switch'),
    from: z.string(),
    to: z.string(),
    reason: ProviderFailureKindSchema,
    message: z.string(),
    mode: z.enum(['continue', 'restart'])
  }),
  /** Something the user should fix (a refused key, an unknown model); the answer goes on elsewhere. */
  z.object({ type: z.literal('notice'), providerId: z.string(), message: z.string() }),
  z.object({ type: z.literal('done'), ...ProviderRef })
])
export type AssistEvent = z.infer<typeof AssistEventSchema>

export const ProviderStateSchema = z.enum(['healthy', 'degraded', 'down', 'local'])

export const ProviderHealthSchema = z.object({
  providerId: z.string(),
  label: z.string(),
  model: z.string(),
  state: ProviderStateSchema,
  /** When the breaker opened (ms since epoch), while the state is 'down'. */
  downSince: z.number().optional(),
  /** The last failure, for a tooltip. */
  lastFailure: z.string().optional()
})
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>

export const KeyStorageSchema = z.enum([
  /** Encrypted by the operating system's keychain (Electron safeStorage). */
  'os',
  /** Linux without a keyring: Electron's fallback obfuscates but does not protect; the user is warned. */
  'plaintext',
  /** Headless mode: keys come from environment variables named in the providers file. */
  'environment'
])

export const ProviderEntrySchema = ProviderConfigSchema.extend({ hasKey: z.boolean() })
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>

export const ProviderListSchema = z.object({
  providers: z.array(ProviderEntrySchema),
  /** False in headless mode with a providers file: the file is the configuration. */
  editable: z.boolean(),
  keyStorage: KeyStorageSchema
})

export const UsageSchema = z.object({
  providerId: z.string(),
  /** "2026-11" */
  month: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cap: z.number().int().optional()
})

const aiErrors = {
  AI_UNAVAILABLE: {
    status: 503,
    message: 'No AI provider could answer.',
    data: z.object({ failures: z.array(z.object({ providerId: z.string(), kind: ProviderFailureKindSchema, message: z.string() })) })
  }
} as const

const configErrors = {
  NOT_EDITABLE: { status: 409, message: 'Providers come from the providers file in headless mode; edit that file instead.' },
  NOT_FOUND: { status: 404, message: 'No provider has that id.', data: z.object({ providerId: z.string() }) }
} as const

export const aiContract = {
  /** Streams an answer for an assistant action through the provider chain; cancel by ending the stream. */
  assist: oc
    .errors(aiErrors)
    .input(z.object({ request: AssistantRequestSchema, localOnly: z.boolean() }))
    .output(eventIterator(AssistEventSchema)),

  /** Variants of a design text layer's copy, cut to what fits its box, through the designCopy chain; cancel by ending the stream. */
  designCopy: oc.errors(aiErrors).input(DesignCopyInputSchema).output(eventIterator(DesignCopyEventSchema)),

  /** A palette for a mood through the moodPalette chain (an answer that is no valid palette goes to the next provider). */
  moodPalette: oc.errors(aiErrors).input(MoodPaletteInputSchema).output(eventIterator(MoodPaletteEventSchema)),

  /**
   * One sentence of alt text for a stored image: a vision-capable cloud provider through the
   * altText chain, else (cloud down, none set up, or local-only) the local captioning model.
   */
  altText: oc.errors(altTextErrors).input(AltTextInputSchema).output(AltTextResultSchema),

  /** Every provider's state now and on every change (for the status bar). */
  health: oc.output(eventIterator(z.array(ProviderHealthSchema))),

  providers: {
    list: oc.output(ProviderListSchema),
    /** Adds or replaces a provider. `apiKey` replaces the stored key; omitted keeps it; '' removes it. */
    save: oc
      .errors(configErrors)
      .input(z.object({ config: ProviderConfigSchema, apiKey: z.string().max(500).optional() }))
      .output(ProviderListSchema),
    remove: oc.errors(configErrors).input(z.object({ providerId: ProviderIdSchema })).output(ProviderListSchema),
    /** A 1-token completion, to check the address, key and model; says what to fix when it fails. */
    test: oc
      .errors(configErrors)
      .input(z.object({ providerId: ProviderIdSchema }))
      .output(z.object({ ok: z.boolean(), message: z.string(), firstTokenMs: z.number().optional() }))
  },

  policy: {
    get: oc.output(RouterPolicySchema),
    update: oc.errors(configErrors).input(z.object({ chains: RouterPolicySchema.shape.chains })).output(RouterPolicySchema)
  },

  /** Token use per cloud provider this month. */
  usage: oc.output(z.array(UsageSchema))
}
