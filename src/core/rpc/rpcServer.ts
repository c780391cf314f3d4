import { ORPCError, onError } from '@orpc/server'
import { RPCHandler } from '@orpc/server/message-port'
import { ValidationError } from '@orpc/contract'
import { rpcSerializers } from '../../shared/rpc/serializers'
import type { Logger } from '../logger'
import type { CoreContext } from './context'
import type { FrameTransport } from './frameTransport'
import { checkRequestFrame } from './requestFrame'
import { router } from './router'

/** Serves the core's router on any number of frame transports, all sharing one context. */
export function createRpcServer(context: CoreContext, log: Logger) {
  const handler = new RPCHandler(router, {
    customJsonSerializers: rpcSerializers,
    clientInterceptors: [onError(explainValidationError)],
    interceptors: [
      onError((error) => {
        if (!(error instanceof ORPCError) || error.status >= 500) log.error('RPC handler failed', error)
      })
    ]
  })

  return {
    serve(transport: FrameTransport): void {
      const port = guardedPort(transport, log)
      handler.upgrade(port, { context })
    }
  }
}

/** Turns the library's generic "Input validation failed" into a message naming each bad field. */
function explainValidationError(error: unknown): void {
  if (!(error instanceof ORPCError) || error.code !== 'BAD_REQUEST') return
  if (!(error.cause instanceof ValidationError)) return
  const issues = error.cause.issues.map((issue) => ({
    path: (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.'),
    message: issue.message
  }))
  const detail = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')
  throw new ORPCError('INPUT_INVALID', {
    status: 422,
    message: `The request was refused: ${detail}.`,
    data: { issues },
    cause: error.cause
  })
}

/**
 * Adapts a FrameTransport to the port oRPC's message-port handler drives. Every incoming
 * frame is checked first: a malformed one gets a BAD_REQUEST reply and never reaches the
 * library, and a failure inside the library is logged instead of crashing the process.
 */
function guardedPort(transport: FrameTransport, log: Logger) {
  return {
    postMessage(frame: unknown): void {
      transport.send(frame as string)
    },
    addEventListener(type: string, call: (event: { data: unknown }) => unknown): void {
      if (type === 'close') {
        transport.onClose(() => void call({ data: undefined }))
        return
      }
      if (type !== 'message') return
      transport.onFrame((frame) => {
        const check = checkRequestFrame(frame)
        if (!check.ok) {
          log.warn(`Refused a malformed RPC frame: ${check.reason}`)
          transport.send(badRequestReply(check.id, check.reason))
          return
        }
        Promise.resolve(call({ data: frame })).catch((error: unknown) => log.error('RPC frame failed', error))
      })
    }
  }
}

function badRequestReply(id: string | number | null, reason: string): string {
  const error = new ORPCError('BAD_REQUEST', { message: `Malformed RPC frame: ${reason}.` })
  return JSON.stringify({ i: id, p: { s: error.status, b: { json: error.toJSON() } } })
}
