import { ProviderError, type CompletionRequest } from '../provider'

/**
 * The failure for a complete answer that the request's check refuses (a palette that is not
 * valid JSON, copy with no usable line), or undefined when it passes or nothing checks it.
 * The kind is 'unsupported': this provider could not do this task, which says nothing about an
 * outage, so the breaker does not count it.
 */
export function unusableAnswer(request: CompletionRequest, answer: string, providerName: string): ProviderError | undefined {
  const problem = request.check?.(answer)
  if (problem === undefined) return undefined
  return new ProviderError('unsupported', `${providerName} answered, but ${problem}.`)
}
