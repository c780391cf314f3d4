import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../../src/core'
import { NOT_INSTALLED_MESSAGE } from '../../../../src/core/search/semantic/embeddingModel'
import { WORKSPACE_INDEX_ID } from '../../../../src/shared/contracts/docs'
import type { CoreClient } from '../../../../src/shared/contracts'
import { addDraft, trashDraft } from '../../../../src/shared/workspace/workspaceIndex'
import { writeTinyEmbeddingModel } from '../../../fixtures/tinyModels'
import { draftDoc } from '../../../support/drafts'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { workerScript } from '../models/inference/tinyModelHost'
import { noOnnxRuntime } from '../../../support/onnxRuntime'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function coreWithDrafts(withModel: boolean): Promise<{ core: Core; client: CoreClient; index: Y.Doc }> {
  const dataDir = tempDir()
  const modelsDir = join(dataDir, 'models')
  if (withModel) await writeTinyEmbeddingModel(modelsDir, { words: ['harbour', 'ferry', 'storm', 'waves', 'budget', 'tax', 'revenue'] })
  const core = startCore({ dataDir, modelsDir, inferenceWorker: workerScript, log: silentLog })
  cores.push(core)
  const { client } = connect(core)
  const index = new Y.Doc()
  await client.docs.create({ docId: WORKSPACE_INDEX_ID, kind: 'index' })
  const drafts: [string, string, string][] = [
    ['ferry', 'Ferry cancelled', 'The harbour ferry stayed in port as the storm grew.'],
    ['waves', 'Night of waves', 'Waves broke over the harbour wall during the storm.'],
    ['budget', 'Budget vote', 'The council raised the tax to cover lost revenue.']
  ]
  for (const [id, title, text] of drafts) {
    addDraft(index, id, title, 1)
    await client.docs.create({ docId: id, kind: 'draft' })
    await client.docs.append({ docId: id, updates: [Y.encodeStateAsUpdate(draftDoc([['paragraph', text]]))] })
  }
  await client.docs.append({ docId: WORKSPACE_INDEX_ID, updates: [Y.encodeStateAsUpdate(index)] })
  await core.indexed()
  return { core, client, index }
}

describe.skipIf(noOnnxRuntime)('semantic search over RPC', () => {
  it('merges matches by words and by meaning, and lists related drafts outside the trash', async () => {
    const { core, client, index } = await coreWithDrafts(true)
    const { hits, semantic } = await client.search.combined({ text: 'ferry storm' })
    expect(semantic).toEqual({ state: 'ready', modelId: 'holdfast/tiny-embedding' })
    expect(hits.map((hit) => [hit.docId, hit.matchedBy])).toEqual([
      ['ferry', 'both'],
      ['waves', 'meaning']
    ])

    const related = await client.search.related({ docId: 'ferry' })
    expect(related.drafts.map((draft) => [draft.docId, draft.title])).toEqual([['waves', 'Night of waves']])
    expect(related.drafts[0]!.snippet).toMatch(/harbour wall/)

    trashDraft(index, 'waves', 2)
    await client.docs.append({ docId: WORKSPACE_INDEX_ID, updates: [Y.encodeStateAsUpdate(index)] })
    await core.indexed()
    expect((await client.search.related({ docId: 'ferry' })).drafts).toEqual([])
  })

  it('without an embeddings model gives the full-text results and says what to install', async () => {
    const { client } = await coreWithDrafts(false)
    const { hits, semantic } = await client.search.combined({ text: 'storm' })
    expect(semantic).toEqual({ state: 'unavailable', message: NOT_INSTALLED_MESSAGE })
    expect(hits.map((hit) => hit.matchedBy)).toEqual(['words', 'words'])
    expect(await client.search.related({ docId: 'ferry' })).toEqual({ drafts: [], semantic })
    await expect(client.search.related({ docId: '' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })
})
