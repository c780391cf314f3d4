import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startCore, type Core } from '../../../../src/core'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { draftDoc } from '../../../support/drafts'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

describe('search over RPC', () => {
  it('finds a draft shortly after its text is stored, without being asked to index', async () => {
    const core = startCore({ dataDir: tempDir(), log: silentLog })
    cores.push(core)
    const { client } = connect(core)
    await client.docs.create({ docId: 'story', kind: 'draft' })
    await client.docs.append({ docId: 'story', updates: [Y.encodeStateAsUpdate(draftDoc([['paragraph', 'Wildfire smoke reached the coast']]))] })
    await core.indexed()
    const hits = await client.search.drafts({ text: 'wildfire' })
    expect(hits.map((h) => h.docId)).toEqual(['story'])
    expect(await client.search.drafts({ text: '"); DROP TABLE search_index; --' })).toEqual([])
    await expect(client.search.drafts({ text: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })
})
