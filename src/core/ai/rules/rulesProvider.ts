import type { AssistantAction, AssistantRequest } from '../../../shared/ai/actions'
import { RULES_PROVIDER_ID } from '../../../shared/ai/providerConfig'
import { cannotSeeImages, ProviderError, type CompletionRequest, type Provider, type StreamOptions } from '../provider'
import { designAnswer } from './designRules'
import { fixGrammar } from './grammar'
import { headlines } from './headlines'
import { shorten } from './shorten'
import { summarize } from './summarize'

type ModelOnlyAction = Exclude<AssistantAction, 'shorten' | 'grammar' | 'summarize' | 'headlines'>

/** What each action needing a model is called in "… needs an AI model", and what it does offline. */
const MODEL_ONLY: Record<ModelOnlyAction, { doing: string; offline: string }> = {
  rewrite: { doing: 'Rewriting', offline: 'rewrite' },
  expand: { doing: 'Expanding text', offline: 'expand text' },
  tone: { doing: 'Changing the tone', offline: 'change the tone' },
  continue: { doing: 'Continuing your text', offline: 'continue your text' },
  translate: { doing: 'Translating', offline: 'translate' }
}

function needsModel({ doing, offline }: { doing: string; offline: string }): ProviderError {
  return new ProviderError('unsupported', `${doing} needs an AI model, and none is reachable. Install the local models (Settings → Local models → Outage kit) to ${offline} offline.`)
}

/** The rule-based answer to a request, or the reason there is none. */
function answer(assist: AssistantRequest | undefined): string {
  if (!assist) throw needsModel({ doing: 'This request', offline: 'work' })
  const { action, text } = assist
  switch (action) {
    case 'shorten':
      return shorten(text)
    case 'grammar':
      return fixGrammar(text)
    case 'summarize':
      return summarize(text, assist.summaryForm)
    case 'headlines': {
      const ideas = headlines(text)
      if (ideas.length === 0) {
        throw new ProviderError(
          'unsupported',
          'There are too few words here to suggest headlines from. Select a longer passage, or install the local models for headlines written by AI.'
        )
      }
      return ideas.join('\n')
    }
    default:
      throw needsModel(MODEL_ONLY[action])
  }
}

/** Words with the space after them, so joining the chunks gives back the text exactly. */
function wordChunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [text]
}

/**
 * The last provider in every chain: writing help from rules, with no model and no network.
 * It shortens, fixes grammar, summarizes and suggests headlines; other actions fail with
 * 'unsupported' and a message saying what would make them work. Design help (copy variants,
 * mood palettes) always gets an answer.
 */
export class RulesProvider implements Provider {
  readonly id = RULES_PROVIDER_ID
  readonly kind = 'rules'
  readonly model = 'rule-based'

  // eslint-disable-next-line @typescript-eslint/require-await -- the answer is ready at once; the interface is a stream.
  async *stream(request: CompletionRequest, { signal }: StreamOptions): AsyncGenerator<string> {
    const stopIfAborted = () => {
      if (signal.aborted) throw new ProviderError('aborted', 'The rule-based help was cancelled.')
    }
    stopIfAborted()
    if (request.image) throw cannotSeeImages('The rule-based help')
    for (const chunk of wordChunks(request.design ? designAnswer(request.design) : answer(request.assist))) {
      stopIfAborted()
      yield chunk
    }
  }
}
