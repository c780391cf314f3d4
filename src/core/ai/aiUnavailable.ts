import type { ProviderFailureKind } from '../../shared/ai/failures'
import { NoProviderAnsweredError } from './router/noAnswer'

interface UnavailableDetails {
  message: string
  data: { failures: { providerId: string; kind: ProviderFailureKind; message: string }[] }
}

/** What AI_UNAVAILABLE carries for a run no provider answered: the message and each provider's failure. */
export function unavailableDetails(error: NoProviderAnsweredError): UnavailableDetails {
  return {
    message: error.message,
    data: {
      failures: error.outcomes.flatMap((outcome) =>
        outcome.result === 'failed' ? [{ providerId: outcome.providerId, kind: outcome.failure, message: outcome.message }] : []
      )
    }
  }
}

/**
 * Streams a run for an RPC handler: ends the run at once when the caller cancels, and turns "no
 * provider answered" into `unavailable` (the handler's typed AI_UNAVAILABLE error).
 */
export async function* streamForCaller<T>(
  run: (signal: AbortSignal) => AsyncGenerator<T>,
  callerSignal: AbortSignal | undefined,
  unavailable: (details: UnavailableDetails) => Error
): AsyncGenerator<T> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  callerSignal?.addEventListener('abort', stop, { once: true })
  try {
    yield* run(controller.signal)
  } catch (error) {
    if (error instanceof NoProviderAnsweredError) throw unavailable(unavailableDetails(error))
    throw error
  } finally {
    callerSignal?.removeEventListener('abort', stop)
    controller.abort()
  }
}
