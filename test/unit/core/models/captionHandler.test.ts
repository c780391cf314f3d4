import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { writeTinyCaptionModel } from '../../../fixtures/tinyModels'
import { pngImage } from '../../../support/images'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { noOnnxRuntime } from '../../../support/onnxRuntime'

const CAPTIONS = { dark: 'A dark harbour at night.', light: 'A white sail on a bright sea.' }

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function open(dataDir: string) {
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  return connect(core).client
}

describe('models.caption', () => {
  it.skipIf(noOnnxRuntime)('describes a stored image with the installed captioning model', async () => {
    const dataDir = tempDir()
    const { modelId } = await writeTinyCaptionModel(join(dataDir, 'models'), CAPTIONS)
    const client = open(dataDir)
    const dark = await client.blobs.putImage({ bytes: pngImage(32, 24, [10, 10, 30]) })
    const light = await client.blobs.putImage({ bytes: pngImage(32, 24, [250, 250, 240]) })
    expect(await client.models.caption({ hash: dark.hash })).toEqual({ text: CAPTIONS.dark, modelId })
    expect(await client.models.caption({ hash: light.hash })).toEqual({ text: CAPTIONS.light, modelId })
  })

  it('says where to install the model when none is installed, and refuses an unknown image', async () => {
    const client = open(tempDir())
    const { hash } = await client.blobs.putImage({ bytes: pngImage(8, 8) })
    await expect(client.models.caption({ hash })).rejects.toMatchObject({
      code: 'NO_CAPTION_MODEL',
      message: 'No alt text model is installed. Install the alt text model in Settings → Local models.'
    })
    await expect(client.models.caption({ hash: 'b'.repeat(64) })).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' })
    await expect(client.models.caption({ hash: 'not-a-hash' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })

  it.skipIf(noOnnxRuntime)('reports a model that cannot be loaded as CAPTION_FAILED with the reason', async () => {
    const dataDir = tempDir()
    const { files } = await writeTinyCaptionModel(join(dataDir, 'models'), CAPTIONS)
    await rm(files.find((file) => file.endsWith('decoder_model_merged_quantized.onnx'))!)
    const client = open(dataDir)
    const { hash } = await client.blobs.putImage({ bytes: pngImage(8, 8) })
    const failed = client.models.caption({ hash })
    await expect(failed).rejects.toMatchObject({ code: 'CAPTION_FAILED' })
    await expect(failed).rejects.toThrow(/^The alt text model could not describe the image: The local model holdfast\/tiny-captioner could not be loaded/)
  })
})
