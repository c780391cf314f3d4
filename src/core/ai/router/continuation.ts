import { CONTINUE_INSTRUCTION, type CompletionRequest, type Provider } from '../provider'

/** Tokens estimated as characters / 4: the same measure whatever size of delta a provider streams. */
export function estimatedTokens(chars: number): number {
  return Math.ceil(chars / 4)
}

/**
 * Whether `next` should continue a partial answer rather than start again: never for JSON (a
 * stitched JSON value is too fragile) or other answers checked as a whole, never for the
 * rule-based helper (it reads the structured request, not the conversation, so it would repeat
 * the start), and only once the partial is long enough to be worth keeping.
 */
export function shouldContinue(request: CompletionRequest, partial: string, next: Provider, minPartialTokens: number): boolean {
  return request.json !== true && request.check === undefined && next.kind !== 'rules' && estimatedTokens(partial.length) >= minPartialTokens
}

/** The original conversation, the partial answer as the assistant's turn, then the instruction to go on. */
export function continuationRequest(original: CompletionRequest, partial: string): CompletionRequest {
  return {
    ...original,
    messages: [...original.messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_INSTRUCTION }]
  }
}
