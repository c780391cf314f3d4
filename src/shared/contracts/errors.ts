import { z } from 'zod'

/**
 * Error codes shared by every contract. oRPC's own codes cover the protocol
 * (BAD_REQUEST for a malformed frame, NOT_FOUND for an unknown method,
 * INTERNAL_SERVER_ERROR); these are the ones a feature can raise on purpose.
 */
export const ErrorCode = {
  badRequest: 'BAD_REQUEST',
  notFound: 'NOT_FOUND',
  inputInvalid: 'INPUT_INVALID',
  storageUnavailable: 'STORAGE_UNAVAILABLE',
  internal: 'INTERNAL_SERVER_ERROR'
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** Raised while the workspace database cannot be used (for example, it was written by a newer Holdfast). */
export const storageUnavailable = {
  [ErrorCode.storageUnavailable]: {
    status: 503,
    message: 'The workspace database is not available.',
    data: z.object({ reason: z.enum(['database-too-new']) })
  }
} as const

/** The shape every RPC error has on the wire, whatever its code. */
export const RpcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.unknown().optional()
})
export type RpcError = z.infer<typeof RpcErrorSchema>
