import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveTransfers } from '../../../../src/core/archive/archiveTransfers'
import { TRANSFER_IDLE_MS } from '../../../../src/core/archive/archiveLimits'
import { startCore, type Core } from '../../../../src/core'
import { ARCHIVE_CHUNK_BYTES } from '../../../../src/shared/contracts/archive'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function start(dataDir = tempDir()) {
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  return { client: connect(core).client, dataDir }
}

const tmpFiles = (dataDir: string): string[] => readdirSync(join(dataDir, 'tmp'))
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

describe('archive transfers', () => {
  it('takes an upload only in order and only whole', async () => {
    const { client } = start()
    const { uploadId } = await client.archive.importBegin({ size: 10 })
    await expect(client.archive.importChunk({ uploadId, offset: 4, bytes: new Uint8Array(4) })).rejects.toMatchObject({
      code: 'TRANSFER_OUT_OF_ORDER',
      data: { expectedOffset: 0 }
    })
    expect(await client.archive.importChunk({ uploadId, offset: 0, bytes: new Uint8Array(4) })).toEqual({ received: 4 })
    await expect(client.archive.importChunk({ uploadId, offset: 4, bytes: new Uint8Array(7) })).rejects.toMatchObject({
      code: 'TRANSFER_OUT_OF_ORDER',
      message: expect.stringContaining('more than the 10 bytes announced') as unknown
    })
    await expect(client.archive.importFinish({ uploadId })).rejects.toMatchObject({
      code: 'TRANSFER_OUT_OF_ORDER',
      message: expect.stringContaining('only 4 of the 10 bytes') as unknown
    })
    // Finishing ends the upload, refused or not.
    await expect(client.archive.importChunk({ uploadId, offset: 4, bytes: new Uint8Array(6) })).rejects.toMatchObject({
      code: 'TRANSFER_NOT_FOUND',
      data: { id: uploadId }
    })
  })

  it('refuses chunks over the chunk size and ids it did not make', async () => {
    const { client } = start()
    const { uploadId } = await client.archive.importBegin({ size: ARCHIVE_CHUNK_BYTES + 1 })
    await expect(client.archive.importChunk({ uploadId, offset: 0, bytes: new Uint8Array(ARCHIVE_CHUNK_BYTES + 1) })).rejects.toMatchObject({
      code: 'INPUT_INVALID'
    })
    await expect(client.archive.importFinish({ uploadId: 'not-an-id' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    await expect(client.archive.exportChunk({ archiveId: UNKNOWN_ID, offset: 0 })).rejects.toMatchObject({ code: 'TRANSFER_NOT_FOUND' })
  })

  it('limits how many uploads run at once, and frees the place when one is aborted', async () => {
    const { client, dataDir } = start()
    const first = await client.archive.importBegin({ size: 10 })
    await client.archive.importBegin({ size: 10 })
    await expect(client.archive.importBegin({ size: 10 })).rejects.toMatchObject({ code: 'TRANSFER_BUSY', status: 429 })
    expect(tmpFiles(dataDir)).toHaveLength(2)
    expect(await client.archive.importAbort(first)).toEqual({ removed: true })
    expect(await client.archive.importAbort(first)).toEqual({ removed: false })
    expect(tmpFiles(dataDir)).toHaveLength(1)
    await client.archive.importBegin({ size: 10 })
  })

  it('reads an export at any offset and removes it when ended', async () => {
    const { client, dataDir } = start()
    const { archiveId, size } = await client.archive.exportBegin()
    const tail = await client.archive.exportChunk({ archiveId, offset: size - 10 })
    expect(tail.bytes.byteLength).toBe(10)
    expect((await client.archive.exportChunk({ archiveId, offset: size })).bytes.byteLength).toBe(0)
    await expect(client.archive.exportChunk({ archiveId, offset: size + 1 })).rejects.toMatchObject({ code: 'TRANSFER_OUT_OF_ORDER' })
    expect(tmpFiles(dataDir)).toHaveLength(1)
    expect(await client.archive.exportEnd({ archiveId })).toEqual({ removed: true })
    expect(tmpFiles(dataDir)).toEqual([])
  })

  it('removes what an earlier run left in tmp/ at start, and nothing else', () => {
    const dataDir = tempDir()
    mkdirSync(join(dataDir, 'tmp'))
    writeFileSync(join(dataDir, 'tmp', 'archive-import-left-over.zip'), 'half an upload')
    writeFileSync(join(dataDir, 'tmp', 'someone-else.txt'), 'not ours')
    start(dataDir)
    expect(tmpFiles(dataDir)).toEqual(['someone-else.txt'])
  })

  it('drops a transfer left idle, when the next one begins', async () => {
    const dataDir = tempDir()
    let now = 0
    const transfers = new ArchiveTransfers({
      dataDir,
      appVersion: 'test',
      workspace: { copyDatabase: () => Promise.reject(new Error('unused')), importDatabase: () => Promise.reject(new Error('unused')) },
      now: () => now
    })
    const abandoned = await transfers.beginUpload(10)
    now += TRANSFER_IDLE_MS + 1
    await transfers.beginUpload(10)
    await expect(transfers.receiveChunk(abandoned, 0, new Uint8Array(1))).rejects.toMatchObject({ code: 'TRANSFER_NOT_FOUND' })
    expect(tmpFiles(dataDir)).toHaveLength(1)
    await transfers.close()
    expect(tmpFiles(dataDir)).toEqual([])
  })
})
