import Database from 'better-sqlite3'
import { unzipSync } from 'fflate'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, startCore, type Core } from '../../../../src/core'
import { blobRef } from '../../../../src/shared/blobs/images'
import { connect, silentLog } from '../../../support/inProcessCore'
import { pngImage, sha256 } from '../../../support/images'
import { useTempDirs } from '../../../support/tempDir'
import { bodyOf } from '../../../support/transfer'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function open(dataDir = tempDir()) {
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  return { core, client: connect(core).client, dataDir }
}

describe('images stored as blobs', () => {
  it('stores an image once by the hash of its bytes and gives it back after a restart', async () => {
    const { core, client, dataDir } = open()
    const png = pngImage(40, 20)
    const first = await client.blobs.putImage({ bytes: png })
    const again = await client.blobs.putImage({ bytes: png })
    expect(first).toEqual({ hash: sha256(png), mime: 'image/png', ref: blobRef(sha256(png)) })
    expect(again).toEqual(first)
    await core.close()
    cores.splice(0)

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1)
    db.close()
    const reopened = open(dataDir)
    expect(await reopened.client.blobs.get({ hash: first.hash })).toEqual({ mime: 'image/png', bytes: png })
  })

  it('says which images are not stored here', async () => {
    const { client } = open()
    const { hash } = await client.blobs.putImage({ bytes: pngImage(8, 8) })
    const unknown = 'b'.repeat(64)
    expect(await client.blobs.missing({ hashes: [hash, unknown, unknown] })).toEqual({ missing: [unknown] })
    await expect(client.blobs.missing({ hashes: ['not-a-hash'] })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })

  it('refuses bytes that are not an image, an unknown hash and a malformed one', async () => {
    const { client } = open()
    await expect(client.blobs.putImage({ bytes: new TextEncoder().encode('<svg onload="alert(1)"/>') })).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' })
    await expect(client.blobs.get({ hash: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(client.blobs.get({ hash: '../holdfast.db' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
  })

  it('an imported file keeps its embedded image as a reference; the document never holds the bytes', async () => {
    const { client } = open()
    const png = pngImage(64, 64)
    const html = `<h1>Chart</h1><p><img src="data:image/png;base64,${Buffer.from(png).toString('base64')}" alt="A chart"></p>`
    const imported = await client.transfer.importFile({ fileName: 'chart.html', bytes: new TextEncoder().encode(html) })
    expect(imported.dropped).toEqual([])
    await client.docs.create({ docId: 'chart', kind: 'draft' })
    await client.docs.append({ docId: 'chart', updates: imported.updates })
    const { updates } = await client.docs.load({ docId: 'chart' })
    const body = bodyOf(updates)
    expect(body.content?.[1]).toMatchObject({ type: 'image', attrs: { src: blobRef(sha256(png)), alt: 'A chart' } })
    const stored = Buffer.concat(updates.map((u) => Buffer.from(u)))
    expect(stored.includes(Buffer.from(png.subarray(33, 60)))).toBe(false)
    expect(stored.includes(Buffer.from(Buffer.from(png).toString('base64').slice(40, 80)))).toBe(false)
    expect((await client.blobs.get({ hash: sha256(png) })).bytes).toEqual(png)

    const docx = await client.transfer.exportDraft({ docId: 'chart', format: 'docx', title: 'Chart' })
    const media = Object.entries(unzipSync(docx.bytes)).filter(([name]) => name.startsWith('word/media/'))
    expect(media.map(([, bytes]) => bytes)).toEqual([png])
  })
})
