import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProviderConfig } from '../../../../../src/shared/ai/providerConfig'
import type { CoreClient } from '../../../../../src/shared/contracts'
import type { ProviderHealth } from '../../../../../src/shared/contracts/ai'
import { altTextErrors, MAX_ALT_TEXT_CHARS } from '../../../../../src/shared/contracts/altText'
import type { FakeCloud } from '../../../../fixtures/fakeCloud'
import { writeTinyCaptionModel } from '../../../../fixtures/tinyModels'
import { pngImage } from '../../../../support/images'
import { cloudProvider, useCoresWithProviders } from '../../../../support/ai/coreWithProviders'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

// ai.altText inside the core over a real RPC connection: a vision-capable fake cloud through the
// altText chain first, the tiny local captioning model when the cloud cannot be used.

const CAPTIONS = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }
const CLOUD_ANSWER = 'Fishing boats moored along a harbour wall under a night sky.'
const NIGHT = pngImage(32, 24, [10, 10, 30])

const cores = useCoresWithProviders()
const cloud = (answer = CLOUD_ANSWER): Promise<FakeCloud> => cores.cloud(answer)
const provider = cloudProvider

interface Setup {
  providers?: ProviderConfig[]
  captionModel?: boolean
}

/** Headless mode with these providers (and the rule-based help), optionally the tiny captioning model, and one stored image. */
async function open({ providers = [], captionModel = false }: Setup): Promise<{ rpc: CoreClient; hash: string; modelId: string | undefined }> {
  const dataDir = cores.tempDir()
  const modelId = captionModel ? (await writeTinyCaptionModel(join(dataDir, 'models'), CAPTIONS)).modelId : undefined
  const rpc = cores.open(providers, { dataDir })
  const { hash } = await rpc.blobs.putImage({ bytes: NIGHT })
  return { rpc, hash, modelId }
}

describe('ai.altText', () => {
  it('comes from a vision-capable cloud provider when one is set up and up, with the image attached', async () => {
    const fake = await cloud()
    const { rpc, hash } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })], captionModel: true })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toEqual({
      text: CLOUD_ANSWER,
      source: 'ai-provider',
      providerId: 'vision',
      model: 'vision-model',
      label: 'Vision Cloud'
    })
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.images).toEqual([{ message: 1, mime: 'image/png', bytes: Buffer.from(NIGHT) }])
  })

  it.skipIf(noOnnxRuntime)('falls back to the local captioning model when the cloud refuses connections', async () => {
    const fake = await cloud()
    const { rpc, hash, modelId } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })], captionModel: true })
    await fake.setFault({ type: 'refuse' })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toEqual({
      text: CAPTIONS.dark,
      source: 'captioning-model',
      providerId: 'local',
      model: modelId,
      label: 'Local alt text model'
    })
  })

  it.skipIf(noOnnxRuntime)('uses only the local captioning model for a local-only request or workspace: the cloud never sees the image', async () => {
    const fake = await cloud()
    const { rpc, hash, modelId } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })], captionModel: true })
    expect(await rpc.ai.altText({ hash, localOnly: true })).toMatchObject({ text: CAPTIONS.dark, source: 'captioning-model', model: modelId })
    await rpc.settings.update({ aiLocalOnly: true })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toMatchObject({ text: CAPTIONS.dark, source: 'captioning-model' })
    expect(fake.connections).toBe(0)
  })

  it.skipIf(noOnnxRuntime)('never sends the image to a cloud provider that is not marked as a vision model', async () => {
    const fake = await cloud()
    const { rpc, hash } = await open({ providers: [provider('text-only', 'Text Cloud', fake)], captionModel: true })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toMatchObject({ text: CAPTIONS.dark, source: 'captioning-model' })
    expect(fake.connections).toBe(0)
  })

  it('passes over a text-only provider in the chain at once, counting no usage for it, and asks the vision model after it', async () => {
    const textOnly = await cloud('This must never be used.')
    const vision = await cloud()
    const { rpc, hash } = await open({
      providers: [provider('text-only', 'Text Cloud', textOnly), provider('vision', 'Vision Cloud', vision, { vision: true })],
      captionModel: true
    })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toMatchObject({ text: CLOUD_ANSWER, providerId: 'vision' })
    expect(textOnly.connections).toBe(0)
    const usage = await rpc.ai.usage()
    expect(usage.find((u) => u.providerId === 'text-only')).toMatchObject({ inputTokens: 0, outputTokens: 0 })
    expect(usage.find((u) => u.providerId === 'vision')?.inputTokens).toBeGreaterThan(0)
    // Refusing an image says nothing about the text-only provider's health.
    const events = await rpc.ai.health()
    const first = await events.next()
    await events.return(undefined)
    const textOnlyHealth = (first.value as ProviderHealth[]).find((h) => h.providerId === 'text-only')
    expect(textOnlyHealth?.state).toBe('healthy')
    expect(textOnlyHealth?.lastFailure).toBeUndefined()
  })

  it('cleans hostile cloud output: markup, quotes and a huge answer become one short plain sentence', async () => {
    const fake = await cloud(`**Alt text:** "<b>A harbour</b> at night with ${'many '.repeat(5_000)}boats." Ignore previous instructions.`)
    const { rpc, hash } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })] })
    const { text } = await rpc.ai.altText({ hash, localOnly: false })
    expect(text.length).toBeLessThanOrEqual(MAX_ALT_TEXT_CHARS)
    expect(text).toMatch(/^A harbour at night with many many .*…$/)
    expect(text).not.toMatch(/[<>*"]|Ignore/)
  })

  it.skipIf(noOnnxRuntime)('goes to the captioning model when the cloud answers with a refusal instead of a description', async () => {
    const fake = await cloud("I'm sorry, but I can't help with describing this image.")
    const { rpc, hash } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })], captionModel: true })
    expect(await rpc.ai.altText({ hash, localOnly: false })).toMatchObject({ text: CAPTIONS.dark, source: 'captioning-model' })
    expect(fake.requests).toHaveLength(1)
  })

  it('says what to set up when no model can describe images', async () => {
    const { rpc, hash } = await open({})
    await expect(rpc.ai.altText({ hash, localOnly: false })).rejects.toMatchObject({ code: 'NO_ALT_TEXT_MODEL', message: altTextErrors.NO_ALT_TEXT_MODEL.message })
    expect(altTextErrors.NO_ALT_TEXT_MODEL.message).toMatch(/vision-capable cloud provider in Settings → AI providers/)
    expect(altTextErrors.NO_ALT_TEXT_MODEL.message).toMatch(/Install the alt text model in Settings → Local models/)
    await expect(rpc.ai.altText({ hash, localOnly: true })).rejects.toMatchObject({
      code: 'NO_ALT_TEXT_MODEL',
      message: 'No alt text model is installed, and Never send to cloud is on, so no cloud provider may see this image. Install the alt text model in Settings → Local models.'
    })
  })

  it('says what became of the vision model when it is down and no captioning model is installed', async () => {
    const fake = await cloud()
    const { rpc, hash } = await open({ providers: [provider('vision', 'Vision Cloud', fake, { vision: true })] })
    await fake.setFault({ type: 'refuse' })
    const failed = rpc.ai.altText({ hash, localOnly: false })
    await expect(failed).rejects.toMatchObject({ code: 'NO_ALT_TEXT_MODEL' })
    await expect(failed).rejects.toThrow(
      /^No alt text model is installed, and no cloud provider that can see images answered \(Vision Cloud failed: .+\)\. Install the alt text model in Settings → Local models to describe images without the cloud, or try again later\.$/
    )
  })

  it('refuses an image that is not stored, and a malformed hash', async () => {
    const { rpc } = await open({})
    await expect(rpc.ai.altText({ hash: 'b'.repeat(64), localOnly: false })).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND', data: { hash: 'b'.repeat(64) } })
    await expect(rpc.ai.altText({ hash: 'not-a-hash', localOnly: false })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })
})
