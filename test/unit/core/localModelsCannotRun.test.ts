import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../src/core'
import type { Logger } from '../../../src/core/logger'
import type { CoreClient } from '../../../src/shared/contracts'
import type { AssistEvent, ProviderHealth } from '../../../src/shared/contracts/ai'
import { WORKSPACE_INDEX_ID } from '../../../src/shared/contracts/docs'
import { fragmentText } from '../../../src/shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../../src/shared/editor/fields'
import { addDraft } from '../../../src/shared/workspace/workspaceIndex'
import { writeTinyEmbeddingModel, writeTinyTextModel } from '../../fixtures/tinyModels'
import { draftDoc } from '../../support/drafts'
import { connect } from '../../support/inProcessCore'
import { useTempDirs } from '../../support/tempDir'

// The core on a computer ONNX Runtime has no build for (macOS on Intel), acted out with the
// core's option: drafts, search and rule-based help work; local models say why they cannot.
// Nothing here needs ONNX Runtime, so it runs on such a computer too.

const REASON = 'ONNX Runtime has no build for macOS on Intel (darwin x64)'
const CANNOT_RUN = `Local models cannot run on this computer: ${REASON}.`

const tempDir = useTempDirs()
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A core that finds no ONNX Runtime, with a chat model and the embeddings model installed. */
async function coreWithoutOnnxRuntime(): Promise<{ client: CoreClient; core: Core; warnings: string[] }> {
  const dataDir = tempDir()
  const modelsDir = join(dataDir, 'models')
  await writeTinyTextModel(modelsDir, { sentence: 'A local model wrote this.' })
  await writeTinyEmbeddingModel(modelsDir, { words: ['harbour', 'storm'] })
  const warnings: string[] = []
  const log: Logger = { warn: (message) => warnings.push(message), error: (message) => warnings.push(message) }
  const core = startCore({ dataDir, modelsDir, log, localModelsCannotRun: REASON })
  cleanups.push(() => core.close())
  const connection = connect(core)
  cleanups.push(() => connection.close())
  return { client: connection.client, core, warnings }
}

async function assist(client: CoreClient): Promise<AssistEvent[]> {
  const events: AssistEvent[] = []
  for await (const event of await client.ai.assist({ request: { action: 'grammar', text: 'the storm hit the harbour' }, localOnly: true })) events.push(event)
  return events
}

describe('the core where local models cannot run', () => {
  it('starts, stores and loads drafts, and finds them by their words', async () => {
    const { client, core, warnings } = await coreWithoutOnnxRuntime()
    expect(core.status.storage).toBe('ready')
    await client.docs.create({ docId: WORKSPACE_INDEX_ID, kind: 'index' })
    const index = new Y.Doc()
    addDraft(index, 'harbour', 'Harbour', 1)
    await client.docs.append({ docId: WORKSPACE_INDEX_ID, updates: [Y.encodeStateAsUpdate(index)] })
    await client.docs.create({ docId: 'harbour', kind: 'draft' })
    await client.docs.append({ docId: 'harbour', updates: [Y.encodeStateAsUpdate(draftDoc([['paragraph', 'The storm hit the harbour.']]))] })

    const loaded = new Y.Doc()
    for (const update of (await client.docs.load({ docId: 'harbour' })).updates) Y.applyUpdate(loaded, update)
    expect(fragmentText(loaded.getXmlFragment(DRAFT_BODY_FIELD))).toBe('The storm hit the harbour.')

    await core.indexed()
    const { hits, semantic } = await client.search.combined({ text: 'storm' })
    expect(hits.map((hit) => [hit.docId, hit.matchedBy])).toEqual([['harbour', 'words']])
    expect(semantic).toEqual({ state: 'unavailable', message: `Not available: ${REASON}, so local models cannot run on this computer.` })
    // Nothing went wrong behind the user's back.
    expect(warnings).toEqual([])
  })

  it('passes over the local model, saying why, and answers with the rules; the local model is not marked down', async () => {
    const { client } = await coreWithoutOnnxRuntime()
    for (let run = 0; run < 2; run++) {
      const events = await assist(client)
      expect(events.slice(0, 3)).toEqual([
        { type: 'attempt', providerId: 'local', model: 'holdfast/tiny-text', label: 'Local model' },
        { type: 'switch', from: 'Local model', to: 'Rule-based help', reason: 'unsupported', message: CANNOT_RUN, mode: 'restart' },
        { type: 'attempt', providerId: 'rules', model: 'rule-based', label: 'Rule-based help' }
      ])
      expect(events.at(-1)).toMatchObject({ type: 'done', providerId: 'rules' })
    }
    const health = await client.ai.health()
    const { value } = await health.next()
    await health.return(undefined)
    expect((value as ProviderHealth[]).find((h) => h.providerId === 'local')).toEqual({ providerId: 'local', label: 'Local model', model: 'holdfast/tiny-text', state: 'local' })
  })

  it('tells Settings → Local models why', async () => {
    const { client } = await coreWithoutOnnxRuntime()
    const overviews = await client.models.watch()
    const { value } = await overviews.next()
    await overviews.return(undefined)
    expect(value).toMatchObject({ cannotRun: REASON })
  })
})
