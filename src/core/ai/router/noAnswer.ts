import type { ProviderFailureKind } from '../../../shared/ai/failures'
import type { Provider } from '../provider'

/** A provider passed over without a request, and why (see SkipReason; 'config' means not configured). */
export type SkippedOutcome =
  | { providerId: string; result: 'skipped'; reason: 'breaker-open'; downSince: number }
  | { providerId: string; result: 'skipped'; reason: 'rate-limited'; until: number }
  | { providerId: string; result: 'skipped'; reason: 'not-allowed'; localOnly: boolean }
  | { providerId: string; result: 'skipped'; reason: 'config' }

/** What became of one provider in a run that got no answer. */
export type ProviderOutcome = SkippedOutcome | { providerId: string; result: 'failed'; failure: ProviderFailureKind; message: string }

/** Every provider in the chain was skipped or failed; the message says what happened and what to do. */
export class NoProviderAnsweredError extends Error {
  override readonly name = 'NoProviderAnsweredError'

  constructor(readonly outcomes: readonly ProviderOutcome[], configured: readonly Provider[], label: (providerId: string) => string) {
    super(noAnswerMessage(outcomes, configured, label))
  }
}

/**
 * E.g. "No AI provider answered: OpenAI is down since 14:02; the rule-based help cannot rewrite.
 * Install the local models to keep writing offline."
 */
function noAnswerMessage(outcomes: readonly ProviderOutcome[], configured: readonly Provider[], label: (providerId: string) => string): string {
  if (outcomes.length === 0) return 'No AI provider is set up. Add one in the AI settings.'
  const parts = outcomes.map((outcome) => describe(outcome, label(outcome.providerId)))
  return `No AI provider answered: ${parts.join('; ')}. ${advice(outcomes, configured)}`.trimEnd()
}

function describe(outcome: ProviderOutcome, name: string): string {
  if (outcome.result === 'failed') {
    // The rule-based helper says in its own words what it cannot do.
    return outcome.failure === 'unsupported' ? sentencePart(outcome.message) : `${name} failed: ${sentencePart(outcome.message, name)}`
  }
  switch (outcome.reason) {
    case 'breaker-open':
      return `${name} is down since ${clockTime(outcome.downSince)}`
    case 'rate-limited':
      return `${name} is rate-limited until ${clockTime(outcome.until)}`
    case 'not-allowed':
      return outcome.localOnly ? `${name} is a cloud service and this request is local-only` : `${name} is not allowed right now (usage cap or cloud setting)`
    case 'config':
      return `${name} is not configured`
  }
}

function advice(outcomes: readonly ProviderOutcome[], configured: readonly Provider[]): string {
  if (outcomes.some((outcome) => outcome.result === 'failed' && outcome.failure === 'config')) return 'Check the API key and model name in the AI settings.'
  const local = configured.find((provider) => provider.kind === 'local')
  // The rule-based help's own message already says what installing the local models would do.
  if (!local) return outcomes.some((o) => o.result === 'failed' && o.failure === 'unsupported') ? '' : 'Install the local models (Settings → Local models → Outage kit) to keep writing offline.'
  const localOutcome = outcomes.find((outcome) => outcome.providerId === local.id)
  // A local model that is not installed or cannot run on this computer has said so in its own words.
  if (localOutcome?.result === 'failed' && localOutcome.failure === 'unsupported') return ''
  if (localOutcome) return 'Check that the local model is running.'
  return 'Try again in a moment.'
}

/**
 * A provider's sentence made to sit inside ours: no final full stop, and "The" becomes "the" (but
 * "OpenAI" stays, and so does the provider's own name: "Anthropic answered…" is not "anthropic answered…").
 */
function sentencePart(message: string, name?: string): string {
  const trimmed = message.trim().replace(/\.$/, '')
  if (name !== undefined && trimmed.startsWith(`${name} `)) return trimmed
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed
}

/** Local wall-clock time as HH:MM. */
function clockTime(epochMs: number): string {
  const time = new Date(epochMs)
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`
}
