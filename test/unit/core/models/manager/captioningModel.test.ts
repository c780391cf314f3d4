import { describe, expect, it } from 'vitest'
import { ModelManager } from '../../../../../src/core/models/manager/modelManager'
import { catalogEntry } from '../../../../fixtures/fakeHub'
import { writeTinyCaptionModel, writeTinyTextModel } from '../../../../fixtures/tinyModels'
import { silentLog } from '../../../../support/inProcessCore'
import { useTempDirs } from '../../../../support/tempDir'

const CATALOG_CAPTIONER = 'Xenova/vit-gpt2-image-captioning'
const CAPTIONS = { dark: 'Dark.', light: 'Light.' }

describe('ModelManager.captioningModel', () => {
  const tempDir = useTempDirs()

  function manager(modelsDir: string): ModelManager {
    return new ModelManager({
      modelsDir,
      hubUrl: 'http://127.0.0.1:9',
      catalog: { version: 1, models: [catalogEntry(CATALOG_CAPTIONER, ['config.json'], { task: 'captioning', name: 'ViT-GPT2' })] },
      log: silentLog,
      machine: { totalMemoryMb: 16_384, cpuProbeMs: 15 },
      onInstalledChanged: () => undefined
    })
  }

  it('is none without an installed captioner (a chat model does not count), else the catalog one before one copied in by hand', async () => {
    const modelsDir = tempDir()
    await writeTinyTextModel(modelsDir, { sentence: 'Not a captioner.' })
    expect(manager(modelsDir).captioningModel()).toBeUndefined()
    await writeTinyCaptionModel(modelsDir, { id: 'aaa/hand-made', ...CAPTIONS })
    expect(manager(modelsDir).captioningModel()).toBe('aaa/hand-made')
    await writeTinyCaptionModel(modelsDir, { id: CATALOG_CAPTIONER, ...CAPTIONS })
    expect(manager(modelsDir).captioningModel()).toBe(CATALOG_CAPTIONER)
  })
})
