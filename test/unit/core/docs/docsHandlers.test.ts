import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../../src/core'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { draftDoc } from '../../../support/drafts'
import { recordUpdates, textOf } from '../../../support/yjs'
import { WORKSPACE_INDEX_ID } from '../../../../src/shared/contracts/docs'
import { addDraft, purgeTrash, TRASH_RETENTION_MS, trashDraft } from '../../../../src/shared/workspace/workspaceIndex'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function client(dataDir = tempDir()) {
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  return connect(core).client
}

describe('docs over RPC', () => {
  it('creates, appends durably and loads a document, across a restart', async () => {
    const dataDir = tempDir()
    const first = client(dataDir)
    expect(await first.docs.create({ docId: 'draft-1', kind: 'draft' })).toEqual({ created: true })
    expect(await first.docs.create({ docId: 'draft-1', kind: 'draft' })).toEqual({ created: false })
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    doc.getText('text').insert(0, 'Breaking news')
    expect(await first.docs.append({ docId: 'draft-1', updates })).toEqual({ durable: true })
    await cores.pop()?.close()

    const second = client(dataDir)
    const loaded = await second.docs.load({ docId: 'draft-1' })
    expect(loaded.updates[0]).toBeInstanceOf(Uint8Array)
    expect(textOf(loaded.updates)).toBe('Breaking news')
  })

  it('deletes a draft purged from the trash for good, and refuses one the workspace still lists', async () => {
    const core = startCore({ dataDir: tempDir(), log: silentLog })
    cores.push(core)
    const c = connect(core).client
    await c.docs.create({ docId: WORKSPACE_INDEX_ID, kind: 'index' })
    const index = new Y.Doc()
    const indexUpdates = recordUpdates(index)
    addDraft(index, 'old-notes', 'Old notes', 0)
    await c.docs.create({ docId: 'old-notes', kind: 'draft' })
    await c.docs.append({ docId: 'old-notes', updates: [Y.encodeStateAsUpdate(draftDoc([['paragraph', 'A confidential source']]))] })
    await c.docs.append({ docId: WORKSPACE_INDEX_ID, updates: indexUpdates.splice(0) })
    await core.indexed()
    expect((await c.search.drafts({ text: 'confidential', limit: 10 })).map((hit) => hit.docId)).toEqual(['old-notes'])

    await expect(c.docs.remove({ docId: 'old-notes' })).rejects.toMatchObject({ code: 'STILL_LISTED' })
    trashDraft(index, 'old-notes', 1)
    await c.docs.append({ docId: WORKSPACE_INDEX_ID, updates: indexUpdates.splice(0) })
    await expect(c.docs.remove({ docId: 'old-notes' })).rejects.toMatchObject({ code: 'STILL_LISTED' })
    await expect(c.docs.remove({ docId: WORKSPACE_INDEX_ID })).rejects.toMatchObject({ code: 'STILL_LISTED' })

    expect(purgeTrash(index, 2 + TRASH_RETENTION_MS)).toEqual(['old-notes'])
    await c.docs.append({ docId: WORKSPACE_INDEX_ID, updates: indexUpdates.splice(0) })
    expect(await c.docs.remove({ docId: 'old-notes' })).toEqual({ removed: true })
    await expect(c.docs.load({ docId: 'old-notes' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await core.indexed()
    expect(await c.search.drafts({ text: 'confidential', limit: 10 })).toEqual([])
    await expect(c.docs.remove({ docId: 'old-notes' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('answers an unknown document with NOT_FOUND', async () => {
    const c = client()
    await expect(c.docs.load({ docId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND', data: { docId: 'missing' } })
    await expect(c.docs.append({ docId: 'missing', updates: [new Uint8Array([0, 0])] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a hostile update with UPDATE_INVALID and leaves the document as it was', async () => {
    const c = client()
    await c.docs.create({ docId: 'd', kind: 'draft' })
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    doc.getText('text').insert(0, 'safe')
    await c.docs.append({ docId: 'd', updates })
    const hostile = new Uint8Array([255, 255, 255, 255, 15, 1, 2, 3])
    await expect(c.docs.append({ docId: 'd', updates: [hostile] })).rejects.toMatchObject({
      code: 'UPDATE_INVALID',
      data: { docId: 'd', index: 0 }
    })
    expect(textOf((await c.docs.load({ docId: 'd' })).updates)).toBe('safe')
  })

  it('refuses ids that are not document ids, and empty or oversized batches', async () => {
    const c = client()
    await expect(c.docs.load({ docId: "x'; DROP TABLE documents;--" })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(c.docs.append({ docId: 'd', updates: [] })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(c.docs.append({ docId: 'd', updates: [new Uint8Array(0)] })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })

  it("streams each durable batch to the document's other writers, and not back to the writer that stored it", async () => {
    const c = client()
    await c.docs.create({ docId: 'shared', kind: 'draft' })
    const stop = new AbortController()
    const seen: string[] = []
    const following = (async () => {
      for await (const { updates } of await c.docs.changes({ docId: 'shared', writer: 'window-a' }, { signal: stop.signal })) {
        seen.push(textOf(updates))
        if (seen.length === 2) stop.abort()
      }
    })().catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 50))

    // Three writers, each with a document of its own: every batch stands alone.
    const words = (text: string): Uint8Array[] => {
      const doc = new Y.Doc()
      doc.getText('text').insert(0, text)
      return [Y.encodeStateAsUpdate(doc)]
    }
    await c.docs.append({ docId: 'shared', updates: words('own words'), writer: 'window-a' })
    await c.docs.append({ docId: 'shared', updates: words('Another window'), writer: 'window-b' })
    await c.docs.append({ docId: 'shared', updates: words('A script') })
    await following

    // What window A stored itself is not among them.
    expect(seen).toEqual(['Another window', 'A script'])
  })
})
