import { RpcErrorSchema } from '../../../shared/contracts/errors'

/** A sentence for the user from any error an RPC call rejected with. */
export function describeError(error: unknown): string {
  const parsed = RpcErrorSchema.safeParse(error)
  if (parsed.success) return parsed.data.message
  return error instanceof Error ? error.message : 'Something went wrong.'
}

export function errorCode(error: unknown): string | undefined {
  const parsed = RpcErrorSchema.safeParse(error)
  return parsed.success ? parsed.data.code : undefined
}
