import type { AssistantAction, AssistantRequest } from '../../shared/ai/actions'
import type { CompletionRequest } from './provider'

const SYSTEM = [
  'You are the writing assistant inside Holdfast, an editor for journalists and marketers.',
  'Answer with the requested text only: no preamble, no explanations, no quotation marks around it, no Markdown unless the input uses it.',
  'Keep the author’s facts, names, numbers and quotes exactly; never invent facts.'
].join(' ')

/** What each action asks of the model. */
function instruction(request: AssistantRequest): string {
  switch (request.action) {
    case 'rewrite':
      return 'Rewrite the text to read better: clearer, tighter, same meaning and roughly the same length.'
    case 'shorten':
      return 'Shorten the text to about half its length, keeping every important fact.'
    case 'expand':
      return 'Expand the text with more detail and smoother transitions, in the same voice, without adding facts that are not implied.'
    case 'tone':
      return `Rewrite the text in a ${request.tone ?? 'neutral'} tone, keeping its meaning.`
    case 'grammar':
      return 'Correct spelling, grammar and punctuation. Change nothing else.'
    case 'headlines':
      return 'Write 5 headline ideas for the text, one per line, without numbering or quotation marks.'
    case 'summarize':
      return request.summaryForm === 'bullets'
        ? 'Summarize the text as 3 to 5 bullet points, each line starting with "- ".'
        : 'Summarize the text in one short paragraph.'
    case 'continue':
      return 'Continue writing from where the text ends, in the same voice, for one or two paragraphs. Do not repeat the text.'
    case 'translate':
      return `Translate the text into ${request.language ?? 'English'}. Keep names, numbers and formatting.`
  }
}

/** Roughly how long an answer may be, in tokens: enough for the action, never unbounded. */
function maxTokens(action: AssistantAction, text: string): number {
  const inputTokens = Math.ceil(text.length / 4)
  switch (action) {
    case 'headlines':
      return 200
    case 'summarize':
      return 400
    case 'continue':
      return 600
    case 'expand':
      return Math.min(4000, Math.max(300, inputTokens * 2))
    default:
      return Math.min(4000, Math.max(200, Math.ceil(inputTokens * 1.3)))
  }
}

/** The model-neutral request for an assistant action; the structured request rides along for rule-based help. */
export function completionFor(request: AssistantRequest): CompletionRequest {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `${instruction(request)}\n\nText:\n${request.text}` }
    ],
    maxTokens: maxTokens(request.action, request.text),
    temperature: request.action === 'grammar' || request.action === 'translate' ? 0.2 : 0.7,
    assist: request
  }
}
