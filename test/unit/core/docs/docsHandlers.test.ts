import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../../src/core'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { recordUpdates, textOf } from '../../../support/yjs'

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
})
