import type { DesignCopyRequest, MoodPaletteRequest } from '../../../shared/ai/designRequests'
import { COPY_VARIANT_COUNT, parseCopyVariants } from '../../../shared/design/copyVariants'
import { parseMoodPalette } from '../../../shared/design/palette'
import type { TextRole } from '../../../shared/design/types'
import type { CompletionRequest } from '../provider'

const SYSTEM = [
  'You are the design assistant inside Holdfast, a studio for marketers.',
  'Answer with exactly what is asked for: no preamble, no explanations, no Markdown.',
  'Keep the facts, names, dates and numbers of the text you are given; never invent facts.'
].join(' ')

const ROLE_NAMES: Record<TextRole, string> = {
  headline: 'headline',
  subline: 'subline (the line under the headline)',
  cta: 'call to action on a button',
  body: 'body text'
}

/** The design's other text in the prompt stops here; it is context, not the task. */
const MAX_CONTEXT_CHARS = 1_500

function contextLines(context: readonly string[]): string {
  let total = 0
  const lines: string[] = []
  for (const text of context) {
    const line = text.replace(/\s+/g, ' ').trim()
    if (!line || total + line.length > MAX_CONTEXT_CHARS) continue
    total += line.length
    lines.push(`- ${line}`)
  }
  return lines.length > 0 ? `\n\nOther text on the design:\n${lines.join('\n')}` : ''
}

/** Three variants of a text layer's copy, one a line, each within the box's budget; an answer with none is refused. */
export function copyCompletion(request: DesignCopyRequest): CompletionRequest {
  const role = ROLE_NAMES[request.role]
  const instruction =
    `Write ${COPY_VARIANT_COUNT} alternative versions of the ${role} of a design. ` +
    `Each must be at most ${request.maxChars} characters long${request.role === 'cta' ? ' and start with a verb' : ''}. ` +
    'Write one version per line, with no numbering, no bullets and no quotation marks.'
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `${instruction}\n\nThe ${role} now:\n${request.text.replace(/\s+/g, ' ')}${contextLines(request.context)}` }
    ],
    // Three lines of the budget's length, with room for a model that runs long (the cut is ours).
    maxTokens: Math.min(1_000, Math.max(60, Math.ceil((request.maxChars * COPY_VARIANT_COUNT) / 2))),
    temperature: 0.8,
    design: { task: 'designCopy', request },
    check: (answer) => (parseCopyVariants(answer, request.maxChars).length > 0 ? undefined : 'with no usable line of copy')
  }
}

/** A palette of 3 to 6 colours as JSON, the background first; an answer that is not one is refused. */
export function paletteCompletion(request: MoodPaletteRequest): CompletionRequest {
  const instruction =
    `Suggest a colour palette for a design with this mood: ${request.mood.replace(/\s+/g, ' ')}\n\n` +
    'Answer with JSON only, in this form: {"colors": ["#rrggbb", "#rrggbb", "#rrggbb"]}. ' +
    'Give 3 to 6 colours as six-digit hex codes. The first is the background; include a text colour that is easy to read on it.'
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: instruction }
    ],
    maxTokens: 200,
    temperature: 0.7,
    json: true,
    design: { task: 'moodPalette', request },
    check: (answer) => (parseMoodPalette(answer) ? undefined : 'not with a palette of 3 to 6 #rrggbb colours as JSON')
  }
}
