import { describe, expect, it } from 'vitest'
import { writeTinyCaptionModel } from '../../../../fixtures/tinyModels'
import { pngImage } from '../../../../support/images'
import { useTempDirs } from '../../../../support/tempDir'
import { MODE, useHosts } from './tinyModelHost'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

const CAPTIONS = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }

describe.skipIf(noOnnxRuntime)(`InferenceHost.caption through ${MODE}`, () => {
  const tempDir = useTempDirs()
  const hostFor = useHosts()

  it('describes the image it is given: dark and light images get different captions', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyCaptionModel(modelsDir, CAPTIONS)
    const host = hostFor({ modelsDir })
    const signal = new AbortController().signal
    expect(await host.caption({ modelId, image: pngImage(40, 30, [20, 30, 40]) }, signal)).toBe(CAPTIONS.dark)
    expect(await host.caption({ modelId, image: pngImage(12, 64, [240, 230, 220]) }, signal)).toBe(CAPTIONS.light)
  })

  it('says which model is missing, and refuses bytes that are no image', async () => {
    const modelsDir = tempDir()
    const signal = new AbortController().signal
    const host = hostFor({ modelsDir })
    const missing = host.caption({ modelId: 'Xenova/vit-gpt2-image-captioning', image: pngImage(4, 4) }, signal)
    await expect(missing).rejects.toMatchObject({ kind: 'unsupported' })
    await expect(missing).rejects.toThrow('The local model Xenova/vit-gpt2-image-captioning is not installed.')
    const { modelId } = await writeTinyCaptionModel(modelsDir, CAPTIONS)
    await expect(host.caption({ modelId, image: new TextEncoder().encode('not an image') }, signal)).rejects.toMatchObject({ kind: 'server' })
    await expect(host.caption({ modelId, image: new Uint8Array() }, signal)).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('stops at once when the signal aborts, and the next request still works', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyCaptionModel(modelsDir, CAPTIONS)
    const host = hostFor({ modelsDir })
    const controller = new AbortController()
    const pending = host.caption({ modelId, image: pngImage(8, 8, [0, 0, 0]) }, controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
    expect(await host.caption({ modelId, image: pngImage(8, 8, [0, 0, 0]) }, new AbortController().signal)).toBe(CAPTIONS.dark)
  })
})
