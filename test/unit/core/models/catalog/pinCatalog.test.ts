import { afterEach, describe, expect, it } from 'vitest'
import { pinCatalog } from '../../../../../src/core/models/catalog/pinCatalog'
import { downloadModel } from '../../../../../src/core/models/download'
import { sha256Hex, startTinyModelHub, TINY_REPO_ID, type TinyModelHub } from '../../../../fixtures/fakeHub'

let fixture: TinyModelHub | undefined

afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

describe('pinCatalog (npm run catalog:pin)', () => {
  it("records the Hub's current commit and every file's size and SHA-256, and a pinned download keeps to them", async () => {
    fixture = await startTinyModelHub()
    const { hub, files, model } = fixture
    const pinned = await pinCatalog({ version: 1, models: [model] }, hub.url)
    const entry = pinned.models[0]
    if (!entry) throw new Error('no model pinned')
    expect(entry.revision).toBe(hub.mainCommit(TINY_REPO_ID))
    for (const file of entry.files) {
      const stored = files[file.path] ?? ''
      const content = typeof stored === 'string' ? Buffer.from(stored) : stored
      expect(file.size).toBe(content.byteLength)
      expect(file.sha256).toBe(sha256Hex(content))
    }

    // "main" moves on; the pinned catalog still downloads exactly the pinned commit.
    hub.publish(TINY_REPO_ID, { ...files, 'config.json': '{"model_type":"gpt2","changed":true}' })
    const manifest = await downloadModel({ hubUrl: hub.url, modelsDir: fixture.modelsDir, model: entry })
    expect(manifest.revision).toBe(entry.revision)
  })
})
