import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installedEmbeddingModel } from '../../../../src/core/models/installedModels'
import { INSTALL_MANIFEST_FILE } from '../../../../src/core/models/installManifest'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

function modelFolder(root: string, id: string, modelType: string, manifestTask?: string): void {
  const folder = join(root, ...id.split('/'))
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'config.json'), JSON.stringify({ model_type: modelType }))
  if (!manifestTask) return
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

describe('installedEmbeddingModel', () => {
  it('prefers a model Holdfast installed for embeddings over an encoder folder put there by hand', () => {
    const root = tempDir()
    modelFolder(root, 'a-by-hand/encoder', 'bert')
    modelFolder(root, 'tiny-text', 'gpt2')
    expect(installedEmbeddingModel(root)).toBe('a-by-hand/encoder')
    modelFolder(root, 'Xenova/all-MiniLM-L6-v2', 'bert', 'embeddings')
    expect(installedEmbeddingModel(root)).toBe('Xenova/all-MiniLM-L6-v2')
  })

  it('finds none among chat models, or in a folder that does not exist', () => {
    const root = tempDir()
    modelFolder(root, 'tiny-text', 'gpt2')
    modelFolder(root, 'org/chat', 'bert', 'chat')
    expect(installedEmbeddingModel(root)).toBeUndefined()
    expect(installedEmbeddingModel(join(root, 'missing'))).toBeUndefined()
  })
})
