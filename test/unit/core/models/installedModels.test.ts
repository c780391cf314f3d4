import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installedEmbeddingModel, installedModels, installedTextModels } from '../../../../src/core/models/installedModels'
import { INSTALL_MANIFEST_FILE } from '../../../../src/core/models/installManifest'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

function modelFolder(root: string, id: string, config: object, manifestTask?: string): void {
  const folder = join(root, ...id.split('/'))
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config))
  if (manifestTask) {
    const manifest = {
      format: 1,
      id,
      task: manifestTask,
      files: [{ path: 'config.json', size: 2, sha256: 'a'.repeat(64) }],
      installedAt: new Date().toISOString(),
      source: 'hub'
    }
    writeFileSync(join(folder, INSTALL_MANIFEST_FILE), JSON.stringify(manifest))
  }
}

describe('installedModels', () => {
  it('lists model folders one or two levels deep with what each is for, skipping staging and unknown kinds', () => {
    const root = tempDir()
    modelFolder(root, 'tiny-text', { model_type: 'gpt2' })
    modelFolder(root, 'org/encoder', { model_type: 'bert' })
    modelFolder(root, 'org/captioner', { model_type: 'vision-encoder-decoder' })
    modelFolder(root, 'org/whisper', { model_type: 'whisper' })
    modelFolder(root, '.staging/org/half', { model_type: 'gpt2' })
    expect(installedModels(root)).toEqual([
      { id: 'org/captioner', task: 'captioning' },
      { id: 'org/encoder', task: 'embeddings' },
      { id: 'tiny-text', task: 'chat' }
    ])
    expect(installedTextModels(root)).toEqual(['tiny-text'])
  })

  it("trusts the install manifest's task over config.json", () => {
    const root = tempDir()
    modelFolder(root, 'org/odd', { model_type: 'something-new' }, 'embeddings')
    expect(installedModels(root)).toEqual([{ id: 'org/odd', task: 'embeddings' }])
  })

  it('finds nothing in a models folder that does not exist yet', () => {
    expect(installedModels(join(tempDir(), 'missing'))).toEqual([])
  })
})

describe('installedEmbeddingModel', () => {
  it('prefers a model Holdfast installed for embeddings over an encoder folder put there by hand', () => {
    const root = tempDir()
    modelFolder(root, 'a-by-hand/encoder', { model_type: 'bert' })
    modelFolder(root, 'tiny-text', { model_type: 'gpt2' })
    expect(installedEmbeddingModel(root)).toBe('a-by-hand/encoder')
    modelFolder(root, 'Xenova/all-MiniLM-L6-v2', { model_type: 'bert' }, 'embeddings')
    expect(installedEmbeddingModel(root)).toBe('Xenova/all-MiniLM-L6-v2')
  })

  it('finds none among chat models, or in a folder that does not exist', () => {
    const root = tempDir()
    modelFolder(root, 'tiny-text', { model_type: 'gpt2' })
    modelFolder(root, 'org/chat', { model_type: 'bert' }, 'chat')
    expect(installedEmbeddingModel(root)).toBeUndefined()
    expect(installedEmbeddingModel(join(root, 'missing'))).toBeUndefined()
  })
})
