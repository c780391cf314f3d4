import { z } from 'zod'

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
  })
])
export type CoreHostMessage = z.infer<typeof CoreHostMessageSchema>

/** What the core asks of Electron main: API keys are encrypted and decrypted only there (safeStorage). */
export const CoreToHostMessageSchema = z.discriminatedUnion('op', [
  z.object({ type: z.literal('secret-request'), id: z.number().int(), op: z.literal('encrypt'), value: z.string().max(500) }),
  z.object({ type: z.literal('secret-request'), id: z.number().int(), op: z.literal('decrypt'), value: BytesSchema })
])
export type CoreToHostMessage = z.infer<typeof CoreToHostMessageSchema>
