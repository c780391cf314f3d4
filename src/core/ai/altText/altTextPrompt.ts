import { MAX_ALT_TEXT_CHARS } from '../../../shared/contracts/altText'
import type { CompletionImage, CompletionRequest } from '../provider'
import { cleanAltText } from './cleanAltText'

const SYSTEM = [
  'You write alt text for images inside Holdfast, a writing and design studio for marketers.',
  'Alt text tells readers who cannot see the image what it shows.',
  'Answer with the alt text only: no preamble, no quotation marks, no Markdown.'
].join(' ')

const INSTRUCTION =
  `Describe this image in one plain sentence of at most ${MAX_ALT_TEXT_CHARS - 50} characters. ` +
  'Say what it shows and any text in it that matters; do not start with "Image of" or "Picture of", and do not guess names of people.'

/** The alt text request for one image; an answer with no usable sentence (or a refusal) goes to the next provider. */
export function altTextCompletion(image: CompletionImage): CompletionRequest {
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: INSTRUCTION }
    ],
    maxTokens: 120,
    temperature: 0.2,
    image,
    check: (answer) => (cleanAltText(answer) ? undefined : 'with no description of the image')
  }
}
