import { describe, expect, it } from 'vitest'
import type { CoreClient } from '../../../../../src/shared/contracts'
import type { DesignProgressEvent } from '../../../../../src/shared/contracts/designAi'
import { writtenBy } from '../../../../../src/renderer/src/features/designs/designAiStream'
import { suggestMoodPalette } from '../../../../../src/renderer/src/features/designs/suggestMoodPalette'

async function* stream(events: readonly unknown[]): AsyncGenerator {
  for (const event of events) {
    await Promise.resolve()
    yield event
  }
}

/** A client whose ai.moodPalette streams `events` and records what it was asked. */
function clientStreaming(events: readonly unknown[]): { client: CoreClient; asked: unknown[] } {
  const asked: unknown[] = []
  const moodPalette = (input: unknown) => {
    asked.push(input)
    return Promise.resolve(stream(events))
  }
  return { client: { ai: { moodPalette } } as unknown as CoreClient, asked }
}

const local = { providerId: 'local', model: 'SmolLM2-135M', label: 'Local model' }

describe('suggestMoodPalette', () => {
  it('returns the colours and who chose them, reporting progress on the way', async () => {
    const { client, asked } = clientStreaming([
      { type: 'attempt', providerId: 'cloud', model: 'gpt', label: 'Cloud' },
      { type: 'attempt', ...local },
      { type: 'done', ...local, colors: ['#F5F1E8', '#1f2a44', '#c8553d'] }
    ])
    const progress: DesignProgressEvent[] = []
    const result = await suggestMoodPalette(client, 'calm', { onProgress: (event) => progress.push(event) })
    expect(result).toEqual({ colors: ['#f5f1e8', '#1f2a44', '#c8553d'], provenance: local })
    expect(writtenBy(result.provenance)).toBe('Written by Local model · SmolLM2-135M')
    expect(progress.map((event) => event.type)).toEqual(['attempt', 'attempt'])
    expect(asked).toEqual([{ request: { mood: 'calm' }, localOnly: false }])
  })

  it('refuses a result that is not a palette, and a stream that ends without one', async () => {
    await expect(suggestMoodPalette(clientStreaming([{ type: 'done', ...local, colors: ['red'] }]).client, 'calm')).rejects.toThrow(/cannot read/)
    await expect(suggestMoodPalette(clientStreaming([{ type: 'attempt', ...local }]).client, 'calm')).rejects.toThrow(/stopped before it answered/)
  })
})
