import { afterEach, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { IMPORT_MAX_BYTES } from '../../../../src/shared/contracts/transfer'
import { appendBatches } from '../../../../src/shared/transfer/appendBatches'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { bodyOf } from '../../../support/transfer'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function client() {
  const core = startCore({ dataDir: tempDir(), log: silentLog })
  cores.push(core)
  return connect(core).client
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('transfer over RPC', () => {
  it('imports a file into a new draft and exports it again', async () => {
    const c = client()
    const imported = await c.transfer.importFile({ fileName: 'Trip.md', bytes: utf8('# Trip\n\n- maps\n- **boots**\n') })
    expect(imported.title).toBe('Trip')
    expect(imported.dropped).toEqual([])
    await c.docs.create({ docId: 'trip', kind: 'draft' })
    await c.docs.append({ docId: 'trip', updates: imported.updates })
    expect(bodyOf((await c.docs.load({ docId: 'trip' })).updates).content?.map((b) => b.type)).toEqual(['heading', 'bulletList'])

    const markdown = await c.transfer.exportDraft({ docId: 'trip', format: 'markdown', title: 'Trip: day 1' })
    expect(markdown.fileName).toBe('Trip - day 1.md')
    expect(markdown.mimeType).toBe('text/markdown;charset=utf-8')
    expect(new TextDecoder().decode(markdown.bytes)).toBe('# Trip\n\n- maps\n- **boots**\n')

    for (const format of ['html', 'text', 'docx', 'pdf'] as const) {
      const file = await c.transfer.exportDraft({ docId: 'trip', format, title: 'Trip' })
      expect(file.bytes.byteLength).toBeGreaterThan(0)
    }
  })

  it('answers refusals with typed errors naming the file', async () => {
    const c = client()
    await expect(c.transfer.importFile({ fileName: 'x.docx', bytes: utf8('plain text') })).rejects.toMatchObject({
      code: 'IMPORT_UNRECOGNISED',
      status: 422,
      data: { fileName: 'x.docx', expected: 'a Word document (.docx)' },
      message: expect.stringContaining('“x.docx” cannot be imported') as unknown
    })
    await expect(c.transfer.importFile({ fileName: 'x.rtf', bytes: utf8('{\\rtf1}') })).rejects.toMatchObject({
      code: 'IMPORT_UNSUPPORTED',
      data: { fileName: 'x.rtf', extension: '.rtf' }
    })
    await expect(c.transfer.importFile({ fileName: 'big.txt', bytes: new Uint8Array(IMPORT_MAX_BYTES + 1) })).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      data: { fileName: 'big.txt', size: IMPORT_MAX_BYTES + 1, limit: IMPORT_MAX_BYTES }
    })
    await expect(c.transfer.exportDraft({ docId: 'missing', format: 'pdf', title: '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      data: { docId: 'missing' }
    })
  })

  it('carries a file of the largest size allowed in one call, stored in appends that fit a frame', async () => {
    const c = client()
    const line = `${'A sentence of a long manuscript, with enough words to look like prose. '.repeat(15).trim()}\n\n`
    const text = line.repeat(Math.floor(IMPORT_MAX_BYTES / line.length))
    const imported = await c.transfer.importFile({ fileName: 'Manuscript.txt', bytes: utf8(text) })
    expect(imported.updates.length).toBeGreaterThan(1)
    await c.docs.create({ docId: 'long', kind: 'draft' })
    const batches = appendBatches(imported.updates)
    for (const updates of batches) await c.docs.append({ docId: 'long', updates })
    const exported = await c.transfer.exportDraft({ docId: 'long', format: 'text', title: 'Manuscript' })
    expect(new TextDecoder().decode(exported.bytes)).toBe(text.trimEnd() + '\n')
  }, 60_000)
})
