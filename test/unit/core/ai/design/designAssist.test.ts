import { describe, expect, it } from 'vitest'
import { copyVariantsByRules } from '../../../../../src/core/ai/rules/designCopy'
import type { DesignCopyRequest } from '../../../../../src/shared/ai/designRequests'
import type { CoreClient } from '../../../../../src/shared/contracts'
import type { DesignCopyEvent, MoodPaletteEvent } from '../../../../../src/shared/contracts/designAi'
import { fallbackMoodPalette } from '../../../../../src/shared/design/palette'
import type { FakeCloud } from '../../../../fixtures/fakeCloud'
import { cloudProvider, useCoresWithProviders } from '../../../../support/ai/coreWithProviders'

// Design help end to end inside the core: the ai contract over a real RPC connection, the router,
// a fake cloud speaking the OpenAI wire format, and the rule-based help behind it.

const cores = useCoresWithProviders()

const HEADLINE: DesignCopyRequest = { role: 'headline', text: 'Something big is on the way', context: ['Join us on 12 June for the reveal.', 'Learn more'], maxChars: 30 }

const cloud = (answer: string): Promise<FakeCloud> => cores.cloud(answer)

/** Headless mode with one cloud provider (and the rule-based help after it). */
function withCloud(fake: FakeCloud, policy: Record<string, unknown> = {}): CoreClient {
  return cores.open([cloudProvider('alpha', 'Alpha Cloud', fake)], { policy })
}

async function copyEvents(rpc: CoreClient, request: DesignCopyRequest): Promise<DesignCopyEvent[]> {
  const events: DesignCopyEvent[] = []
  for await (const event of await rpc.ai.designCopy({ request, localOnly: false })) events.push(event)
  return events
}

async function paletteEvents(rpc: CoreClient, mood: string): Promise<MoodPaletteEvent[]> {
  const events: MoodPaletteEvent[] = []
  for await (const event of await rpc.ai.moodPalette({ request: { mood }, localOnly: false })) events.push(event)
  return events
}

describe('ai.designCopy', () => {
  it('streams who is asked, then the model’s variants cleaned and cut to the budget, naming who wrote them', async () => {
    const alpha = await cloud('Here are three variants:\n1. Big news is coming soon to the harbour front\n2. "Something big is here"\n3. **Watch this space**')
    const events = await copyEvents(withCloud(alpha), HEADLINE)
    expect(events).toEqual([
      { type: 'attempt', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud' },
      { type: 'done', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud', variants: ['Big news is coming soon', 'Something big is here', 'Watch this space'] }
    ])
    // The prompt names the role, the budget, the copy and the rest of the design.
    const sent = JSON.stringify(alpha.requests[0]?.body)
    for (const part of ['headline', 'at most 30 characters', 'Something big is on the way', 'Join us on 12 June for the reveal.']) expect(sent).toContain(part)
  })

  it('an answer with no usable line goes to the next provider: the rule-based help always answers', async () => {
    const alpha = await cloud('<script>alert(1)</script>\n\n---\nHere are some variants:')
    const events = await copyEvents(withCloud(alpha), HEADLINE)
    expect(events.map((event) => event.type)).toEqual(['attempt', 'attempt', 'done'])
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'rules', model: 'rule-based', label: 'Rule-based help', variants: copyVariantsByRules(HEADLINE) })
  })

  it('with the cloud down the rule-based help answers', async () => {
    const alpha = await cloud('unused')
    await alpha.setFault({ type: 'refuse' })
    const events = await copyEvents(withCloud(alpha), { ...HEADLINE, role: 'cta', text: 'Learn more', maxChars: 14 })
    expect(events.at(-1)).toMatchObject({ type: 'done', label: 'Rule-based help', variants: ['Find out more', 'See what’s new', 'Learn More'] })
  })

  it('follows the designCopy chain of the policy', async () => {
    const alpha = await cloud('Big news')
    const events = await copyEvents(withCloud(alpha, { chains: { designCopy: ['rules'] } }), HEADLINE)
    expect(events.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })
    expect(alpha.requests).toHaveLength(0)
  })

  it('refuses a request that does not fit the contract', async () => {
    const alpha = await cloud('unused')
    const rpc = withCloud(alpha)
    await expect(copyEvents(rpc, { ...HEADLINE, maxChars: 0 })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(copyEvents(rpc, { ...HEADLINE, text: '   ' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    expect(alpha.requests).toHaveLength(0)
  })
})

describe('ai.moodPalette', () => {
  it('returns the model’s palette, asked for as JSON, in lower case', async () => {
    const alpha = await cloud('{"colors": ["#F5F1E8", "#1F2A44", "#C8553D", "#2E6F6B"]}')
    const events = await paletteEvents(withCloud(alpha), 'calm harbour morning')
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'alpha', model: 'alpha-model', label: 'Alpha Cloud', colors: ['#f5f1e8', '#1f2a44', '#c8553d', '#2e6f6b'] })
    const body = alpha.requests[0]?.body
    expect(body?.response_format).toEqual({ type: 'json_object' })
    expect(JSON.stringify(body)).toContain('calm harbour morning')
  })

  it.each([
    ['prose', 'A calm palette would use soft blues and sandy beiges.'],
    ['too few colours', '{"colors": ["#ffffff", "#000000"]}'],
    ['bad hex', '{"colors": ["#fff", "blue", "#12345g"]}'],
    ['empty', '']
  ])('an answer that is not a valid palette (%s) goes to the next provider: the colour rules', async (_kind, answer) => {
    const alpha = await cloud(answer)
    const events = await paletteEvents(withCloud(alpha), 'calm harbour morning')
    expect(events.at(-1)).toEqual({ type: 'done', providerId: 'rules', model: 'rule-based', label: 'Rule-based help', colors: fallbackMoodPalette('calm harbour morning') })
  })
})
