import { z } from 'zod'

/** What Electron main sends the core's utility process on its parent port. */
export const CoreHostMessageSchema = z.discriminatedUnion('type', [
  /** Carries one transferred MessagePort: a new RPC connection for a window. */
  z.object({ type: z.literal('connect') }),
  /** Close the database and exit. */
  z.object({ type: z.literal('shutdown') })
])
export type CoreHostMessage = z.infer<typeof CoreHostMessageSchema>
