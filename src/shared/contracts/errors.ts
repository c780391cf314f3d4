import { oc } from '@orpc/contract'
import { z } from 'zod'

/** Raised while the workspace database cannot be used (for example, it was written by a newer Holdfast). */
export const storageUnavailable = {
  STORAGE_UNAVAILABLE: {
    status: 503,
    message: 'The workspace database is not available.',
    data: z.object({ reason: z.enum(['database-too-new']) })
  }
} as const

/** The base of every procedure that needs the workspace database. */
export const storageProcedure = oc.errors(storageUnavailable)

/** The shape every RPC error has on the wire, whatever its code. */
export const RpcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.unknown().optional()
})
export type RpcError = z.infer<typeof RpcErrorSchema>
