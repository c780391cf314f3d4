import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EmbeddingModel, NOT_INSTALLED_MESSAGE } from '../../../../../src/core/search/semantic/embeddingModel'
import { useTempDirs } from '../../../../support/tempDir'
import { CountingHost, draftWorkspace, fakeModelFolder, useSemanticSearch } from './semanticWorkspace'

const WORDS = ['harbour', 'ferry', 'storm', 'budget', 'tax', 'revenue']
// Paragraphs long enough that each is a chunk of its own.
const para = (topic: string): string => `${topic} `.repeat(100).trim()

describe('the background embedder', () => {
  const tempDir = useTempDirs()
  const semanticFor = useSemanticSearch()

  it('embeds every chunk once, then only the chunks whose text changed', async () => {
    const modelsDir = tempDir()
    fakeModelFolder(modelsDir, 'fake/embedder')
    const host = new CountingHost(modelsDir, WORDS)
    const workspace = draftWorkspace()
    await workspace.add('a', 'Harbour', [para('ferry'), para('storm'), para('harbour')])
    await workspace.add('b', 'Budget', [para('tax')])
    const semantic = semanticFor(workspace.db, new EmbeddingModel(host))
    await semantic.idle()
    expect(host.embedded).toHaveLength(6)
    expect(semantic.status()).toEqual({ state: 'ready', modelId: 'fake/embedder' })

    host.embedded.length = 0
    await semantic.idle()
    expect(host.embedded).toEqual([])

    await workspace.editParagraph('a', 1, para('revenue'))
    await workspace.rename('b', 'Budget vote')
    await semantic.idle()
    expect(host.embedded.sort()).toEqual(['Budget vote', para('revenue')].sort())
    expect(semantic.store.chunksOf('a', 'fake/embedder').map((chunk) => chunk.text)).toEqual(['Harbour', para('ferry'), para('revenue'), para('harbour')])
  })

  it('drops a removed draft’s vectors with the draft', async () => {
    const modelsDir = tempDir()
    fakeModelFolder(modelsDir, 'fake/embedder')
    const workspace = draftWorkspace()
    await workspace.add('a', 'Storm', [para('storm')])
    const semantic = semanticFor(workspace.db, new EmbeddingModel(new CountingHost(modelsDir, WORDS)))
    await semantic.idle()
    expect(semantic.store.states().has('a')).toBe(true)
    workspace.docs.remove('a')
    expect(semantic.store.states().has('a')).toBe(false)
    expect(semantic.store.chunksOf('a', 'fake/embedder')).toEqual([])
  })

  it('without a model says what to install and embeds nothing; a model installed later is used', async () => {
    const modelsDir = tempDir()
    const host = new CountingHost(modelsDir, WORDS)
    const workspace = draftWorkspace()
    await workspace.add('a', 'Storm', [para('storm')])
    const model = new EmbeddingModel(host)
    const semantic = semanticFor(workspace.db, model)
    await semantic.idle()
    expect(semantic.status()).toEqual({ state: 'unavailable', message: NOT_INSTALLED_MESSAGE })
    expect(await semantic.search('storm', 5, new AbortController().signal)).toEqual([])
    expect(host.embedded).toEqual([])

    fakeModelFolder(modelsDir, 'fake/embedder')
    model.modelsChanged()
    await semantic.idle()
    expect(host.embedded).toHaveLength(2)
    expect(semantic.status()).toEqual({ state: 'ready', modelId: 'fake/embedder' })
  })

  it('where local models cannot run, says why and never asks the model, even after an install', async () => {
    const modelsDir = tempDir()
    fakeModelFolder(modelsDir, 'fake/embedder')
    const host = new CountingHost(modelsDir, WORDS, 'ONNX Runtime has no build for macOS on Intel (darwin x64)')
    const workspace = draftWorkspace()
    await workspace.add('a', 'Storm', [para('storm')])
    const model = new EmbeddingModel(host)
    const semantic = semanticFor(workspace.db, model)
    await semantic.idle()
    model.modelsChanged()
    await semantic.idle()
    expect(semantic.status()).toEqual({
      state: 'unavailable',
      message: 'Not available: ONNX Runtime has no build for macOS on Intel (darwin x64), so local models cannot run on this computer.'
    })
    expect(await semantic.search('storm', 5, new AbortController().signal)).toEqual([])
    expect(host.embedded).toEqual([])
  })

  it('re-embeds everything when another model takes over', async () => {
    const modelsDir = tempDir()
    fakeModelFolder(modelsDir, 'fake/first')
    const host = new CountingHost(modelsDir, WORDS)
    const workspace = draftWorkspace()
    await workspace.add('a', 'Storm', [para('storm')])
    const model = new EmbeddingModel(host)
    const semantic = semanticFor(workspace.db, model)
    await semantic.idle()
    rmSync(join(modelsDir, 'fake', 'first'), { recursive: true })
    fakeModelFolder(modelsDir, 'fake/second')
    model.modelsChanged()
    host.embedded.length = 0
    await semantic.idle()
    expect(host.embedded).toHaveLength(2)
    expect(semantic.store.states().get('a')?.modelId).toBe('fake/second')
  })

  it('reports progress while it works', async () => {
    const modelsDir = tempDir()
    fakeModelFolder(modelsDir, 'fake/embedder')
    const workspace = draftWorkspace()
    await workspace.add('a', 'Storm', [para('storm')])
    await workspace.add('b', 'Tax', [para('tax')])
    const semantic = semanticFor(workspace.db, new EmbeddingModel(new CountingHost(modelsDir, WORDS)))
    const seen: unknown[] = []
    semantic.statusEvents.subscribe('changed', (status) => seen.push(status))
    await semantic.idle()
    expect(seen).toEqual([
      { state: 'indexing', modelId: 'fake/embedder', done: 0, total: 2 },
      { state: 'indexing', modelId: 'fake/embedder', done: 1, total: 2 },
      { state: 'indexing', modelId: 'fake/embedder', done: 2, total: 2 },
      { state: 'ready', modelId: 'fake/embedder' }
    ])
  })
})
