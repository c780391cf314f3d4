import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { ARCHIVE_CHUNK_BYTES } from '../../../../src/shared/contracts/archive'
import { downloadArchive, draftText, listedTitles, olderWorkspace, seedDrafts, uploadArchive } from '../../../support/archive'
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
  return { client: connect(core).client, dataDir, core }
}

/** Files of ours left in the data folder's tmp/. */
function leftovers(dataDir: string): string[] {
  const tmp = join(dataDir, 'tmp')
  return existsSync(tmp) ? readdirSync(tmp).filter((name) => name.startsWith('archive-')) : []
}

describe('exporting the workspace', () => {
  it('holds the database and one Markdown file per draft not in the trash, with its text', async () => {
    const { client, dataDir } = start()
    await seedDrafts(client, [
      { id: 'tide', title: 'Harbour notes', text: 'The tide turns at six.' },
      { id: 'tide-2', title: 'harbour notes', text: 'Same title, other case.' },
      { id: 'chapter', title: 'Chapter 1: Start', text: 'It began with rain.' },
      { id: 'old', title: 'Old draft', text: 'Thrown away.', trashed: true }
    ])

    const archive = await downloadArchive(client)
    expect(archive.fileName).toMatch(/^holdfast-workspace-\d{4}-\d{2}-\d{2}\.zip$/)
    expect(archive.draftCount).toBe(3)
    const files = unzipSync(archive.bytes)
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'drafts/Chapter 1 - Start.md',
      'drafts/Harbour notes (2).md',
      'drafts/harbour notes.md',
      'holdfast.db',
      'manifest.json'
    ])
    // Titles equal but for case get distinct names; the most recently edited keeps the plain one.
    expect(strFromU8(files['drafts/harbour notes.md']!)).toBe('Same title, other case.\n')
    expect(strFromU8(files['drafts/Harbour notes (2).md']!)).toBe('The tide turns at six.\n')
    expect(strFromU8(files['drafts/Chapter 1 - Start.md']!)).toBe('It began with rain.\n')
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>
    expect(manifest).toMatchObject({ format: 'holdfast-workspace-archive', formatVersion: 1, appVersion: (await client.app.status()).version, draftCount: 3 })
    expect(strFromU8(files['README.txt']!)).toContain('Import workspace…')

    // The database is a self-contained SQLite file with every document, trashed ones too.
    const copy = join(tempDir(), 'copy.db')
    writeFileSync(copy, files['holdfast.db']!)
    const db = new Database(copy, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(db.prepare('SELECT id FROM documents ORDER BY id').pluck().all()).toEqual(['chapter', 'old', 'tide', 'tide-2', 'workspace-index'])
    db.close()
    expect(leftovers(dataDir)).toEqual([])
  })

  it('exports an empty workspace', async () => {
    const { client } = start()
    const archive = await downloadArchive(client)
    expect(archive.draftCount).toBe(0)
    expect(Object.keys(unzipSync(archive.bytes)).sort()).toEqual(['README.txt', 'holdfast.db', 'manifest.json'])
  })
})

describe('importing an archive', () => {
  it('replaces another workspace with the archived one, keeping the replaced database aside', async () => {
    const source = start()
    await seedDrafts(source.client, [
      { id: 'tide', title: 'Harbour notes', text: 'The tide turns at six.' },
      { id: 'old', title: 'Old draft', text: 'Thrown away.', trashed: true }
    ])
    const archive = await downloadArchive(source.client)

    const target = start()
    await seedDrafts(target.client, [{ id: 'later', title: 'Later draft', text: 'Written after the export.' }])
    expect(await uploadArchive(target.client, archive.bytes)).toEqual({ imported: true })

    expect(await listedTitles(target.client)).toEqual(['Harbour notes'])
    expect(await draftText(target.client, 'tide')).toBe('The tide turns at six.')
    expect(await draftText(target.client, 'old')).toBe('Thrown away.')
    await expect(target.client.docs.load({ docId: 'later' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // As with restoring a backup: the replaced database was backed up, then moved aside.
    expect(readdirSync(target.dataDir).some((f) => /^holdfast\.replaced-.+\.db$/.test(f))).toBe(true)
    expect((await target.client.backups.list()).map((b) => b.reason)).toContain('before-restore')
    expect(leftovers(target.dataDir)).toEqual([])
  })

  it('carries archives of more than two chunks in both directions', async () => {
    const source = start()
    await seedDrafts(source.client, [{ id: 'photo-essay', title: 'Photo essay', text: 'Pictures below.' }])
    // Random bytes do not compress: two 3 MB "images" make an archive of over 6 MB.
    const images = [0, 1].map(() => new Uint8Array(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(3 * 1024 * 1024)])))
    const hashes = await Promise.all(images.map(async (bytes) => (await source.client.blobs.putImage({ bytes })).hash))

    const archive = await downloadArchive(source.client)
    expect(archive.bytes.byteLength).toBeGreaterThan(2 * ARCHIVE_CHUNK_BYTES)
    expect(archive.chunks).toBeGreaterThan(2)

    const target = start()
    await uploadArchive(target.client, archive.bytes)
    for (const [i, hash] of hashes.entries()) {
      expect(Buffer.from((await target.client.blobs.get({ hash })).bytes).equals(Buffer.from(images[i]!))).toBe(true)
    }
    expect(await draftText(target.client, 'photo-essay')).toBe('Pictures below.')
  }, 30_000)

  it('opens an archive whose database has an older schema, migrating it', async () => {
    const older = join(tempDir(), 'holdfast.db')
    await olderWorkspace(older, 4, [{ id: 'tide', title: 'Harbour notes', text: 'The tide turns at six.' }])
    const target = start()
    await uploadArchive(target.client, zipSync({ 'holdfast.db': readFileSync(older) }))
    expect(await draftText(target.client, 'tide')).toBe('The tide turns at six.')
    expect((await target.client.backups.list()).map((b) => b.reason)).toContain('before-migration')
  })
})

