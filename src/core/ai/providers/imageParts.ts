import type { CompletionImage } from '../provider'

/** The image's bytes as base64, as both wire formats carry them. */
export function base64Of(image: CompletionImage): string {
  return Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')
}

/**
 * The messages with the image attached to the last user message by `attach`, which turns that
 * message's text and the image into the wire format's content parts. Without a user message the
 * image goes in one of its own, with no text.
 */
export function withImage<M extends { role: string; content: string }, T>(
  messages: readonly M[],
  image: CompletionImage,
  attach: (text: string | undefined, image: CompletionImage) => T
): (M | { role: 'user'; content: T })[] {
  const at = messages.findLastIndex((message) => message.role === 'user')
  if (at < 0) return [...messages, { role: 'user', content: attach(undefined, image) }]
  return messages.map((message, index) => (index === at ? { role: 'user', content: attach(message.content, image) } : message))
}
