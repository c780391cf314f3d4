import { z } from 'zod'
import { UpdateSettingsSchema, UpdateStateSchema } from './contracts/updates'

const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes')

/** What Electron main sends the core's utility process on its parent port. */
export const CoreHostMessageSchema = z.discriminatedUnion('type', [
  /** Carries one transferred MessagePort: a new RPC connection for a window. */
  z.object({ type: z.literal('connect') }),
  /** Close the database and exit. */
  z.object({ type: z.literal('shutdown') }),
  /** The answer to a secret-request: the encrypted bytes or the clear text, or why it failed. */
  z.object({
    type: z.literal('secret-reply'),
    id: z.number().int(),
    ok: z.boolean(),
    value: z.union([z.string(), BytesSchema]).optional(),
    error: z.string().optional()
  }),
  /** Where the app's updates stand now, for the windows. */
  z.object({ type: z.literal('update-state'), state: UpdateStateSchema })
])
export type CoreHostMessage = z.infer<typeof CoreHostMessageSchema>

/** Keychain work the core asks of main: API keys are encrypted and decrypted only there (safeStorage). */
const SecretRequestSchema = z.discriminatedUnion('op', [
  z.object({ type: z.literal('secret-request'), id: z.number().int(), op: z.literal('encrypt'), value: z.string().max(500) }),
  z.object({ type: z.literal('secret-request'), id: z.number().int(), op: z.literal('decrypt'), value: BytesSchema })
])
export type SecretRequest = z.infer<typeof SecretRequestSchema>

/**
 * What main's updater needs from the core: the update settings (sent at start and on every
 * change), whether the AI is generating (no check starts then), and the user's commands.
 */
const CoreUpdateMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('update-settings'), settings: UpdateSettingsSchema }),
  z.object({ type: z.literal('ai-activity'), generating: z.boolean() }),
  z.object({ type: z.literal('update-command'), command: z.enum(['check', 'install']) })
])
export type CoreUpdateMessage = z.infer<typeof CoreUpdateMessageSchema>

/** What the core sends Electron main on its parent port. */
export const CoreToHostMessageSchema = z.discriminatedUnion('type', [SecretRequestSchema, CoreUpdateMessageSchema])
export type CoreToHostMessage = z.infer<typeof CoreToHostMessageSchema>
