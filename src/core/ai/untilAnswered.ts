import type { AssistEvent } from '../../shared/contracts/ai'
import type { DesignProgressEvent, Provenance } from '../../shared/contracts/designAi'

/** Passes on who is asked and what to fix; returns who answered and their whole answer (text before a restart dropped). */
export async function* untilAnswered(events: AsyncIterable<AssistEvent>): AsyncGenerator<DesignProgressEvent, { by: Provenance; answer: string }> {
  let answer = ''
  for await (const event of events) {
    switch (event.type) {
      case 'attempt':
      case 'notice':
        yield event
        break
      case 'token':
        answer += event.text
        break
      case 'switch':
        if (event.mode === 'restart') answer = ''
        break
      case 'done':
        return { by: { providerId: event.providerId, model: event.model, label: event.label }, answer }
    }
  }
  throw new Error('The answer ended before any provider finished it.')
}

/** The same without the progress: who answered and what, once a provider has finished. */
export async function answerOf(events: AsyncIterable<AssistEvent>): Promise<{ by: Provenance; answer: string }> {
  const progress = untilAnswered(events)
  for (;;) {
    const next = await progress.next()
    if (next.done === true) return next.value
  }
}
