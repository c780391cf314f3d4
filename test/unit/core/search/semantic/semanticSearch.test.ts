import { describe, expect, it } from 'vitest'
import { EmbeddingModel } from '../../../../../src/core/search/semantic/embeddingModel'
import { writeTinyEmbeddingModel } from '../../../../fixtures/tinyModels'
import { useTempDirs } from '../../../../support/tempDir'
import { MODE, useHosts } from '../../models/inference/tinyModelHost'
import { draftWorkspace, useSemanticSearch } from './semanticWorkspace'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

const WORDS = ['harbour', 'ferry', 'storm', 'waves', 'budget', 'tax', 'revenue', 'council']
const everyone = (): boolean => true

/** Three drafts: two about the sea, one about money; the tiny model's similarity is word overlap. */
async function seaAndMoney() {
  const workspace = draftWorkspace()
  await workspace.add('ferry', 'Ferry cancelled', ['The harbour ferry stayed in port as the storm grew.'])
  await workspace.add('waves', 'Night of waves', ['Waves broke over the harbour wall during the storm.'])
  await workspace.add('budget', 'Budget vote', ['The council raised the tax to cover lost revenue.'])
  return workspace
}

describe.skipIf(noOnnxRuntime)(`semantic search with the tiny embedding model through ${MODE}`, () => {
  const tempDir = useTempDirs()
  const hostFor = useHosts()
  const semanticFor = useSemanticSearch()

  async function ready(workspace: Awaited<ReturnType<typeof seaAndMoney>>) {
    const modelsDir = tempDir()
    await writeTinyEmbeddingModel(modelsDir, { words: WORDS })
    const semantic = semanticFor(workspace.db, new EmbeddingModel(hostFor({ modelsDir })))
    await semantic.idle()
    return semantic
  }

  it('finds drafts by meaning, best first, with the passage that matched', async () => {
    const semantic = await ready(await seaAndMoney())
    const hits = await semantic.search('storm at the harbour', 10, new AbortController().signal)
    expect(hits.map((hit) => hit.docId).sort()).toEqual(['ferry', 'waves'])
    expect(hits[0]!.text).toMatch(/storm/)
    const money = await semantic.search('tax revenue', 10, new AbortController().signal)
    expect(money.map((hit) => hit.docId)).toEqual(['budget'])
  })

  it('lists related drafts: the one on the same subject, never itself', async () => {
    const semantic = await ready(await seaAndMoney())
    expect(semantic.related('ferry', 5, everyone).map((hit) => hit.docId)).toEqual(['waves'])
    expect(semantic.related('budget', 5, everyone)).toEqual([])
    expect(semantic.related('waves', 5, (id) => id !== 'ferry')).toEqual([])
  })
})
