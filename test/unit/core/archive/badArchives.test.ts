import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { LATEST_SCHEMA_VERSION } from '../../../../src/core/storage/migrations'
import { ARCHIVE_MAX_BYTES } from '../../../../src/shared/contracts/archive'
import type { CoreClient } from '../../../../src/shared/contracts'
import { downloadArchive, draftText, seedDrafts, uploadArchive } from '../../../support/archive'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'
import { storedZip } from '../../../support/zip'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A sound archived database, made once by a real export. */
let soundDatabase: Uint8Array
beforeAll(async () => {
  const dataDir = tempDir()
  const core = startCore({ dataDir, log: silentLog })
  const { client } = connect(core)
  await seedDrafts(client, [{ id: 'archived', title: 'Archived', text: 'From the archive.' }])
  soundDatabase = unzipSync((await downloadArchive(client)).bytes)['holdfast.db']!
  await core.close()
})

/** A copy of the sound database after `change` ran on it. */
function changedDatabase(change: (db: Database.Database) => void): Uint8Array {
  const file = join(tempDir(), 'changed.db')
  writeFileSync(file, soundDatabase)
  const db = new Database(file)
  change(db)
  db.close()
  return new Uint8Array(readFileSync(file))
}

/** The sound database with one b-tree page overwritten: SQLite's integrity check fails on it. */
function corruptDatabase(): Uint8Array {
  const bytes = new Uint8Array(soundDatabase)
  const pageSize = Buffer.from(bytes).readUInt16BE(16)
  bytes.fill(0xab, pageSize * 2, pageSize * 3)
  return bytes
}

/** A workspace with one draft, to import bad archives into. */
async function workspace(): Promise<{ client: CoreClient; dataDir: string }> {
  const dataDir = tempDir()
  const core = startCore({ dataDir, log: silentLog })
  cores.push(core)
  const { client } = connect(core)
  await seedDrafts(client, [{ id: 'kept', title: 'Kept', text: 'Still here.' }])
  return { client, dataDir }
}

async function expectUntouched(client: CoreClient, dataDir: string): Promise<void> {
  expect(await draftText(client, 'kept')).toBe('Still here.')
  await expect(client.docs.load({ docId: 'archived' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  expect(readdirSync(dataDir).filter((f) => f.includes('replaced'))).toEqual([])
  expect(await client.backups.list()).toEqual([])
  const tmp = join(dataDir, 'tmp')
  expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([])
}

const cases: { name: string; archive: () => Uint8Array; code: string; data?: Record<string, unknown>; message: RegExp }[] = [
  { name: 'a file that is not a zip', archive: () => utf8('Dear diary, this is not an archive.'), code: 'ARCHIVE_NOT_ZIP', message: /not a workspace archive/ },
  { name: 'an empty file', archive: () => new Uint8Array(), code: 'ARCHIVE_NOT_ZIP', message: /too short/ },
  { name: 'a zip cut short', archive: () => { const whole = zipSync({ 'holdfast.db': soundDatabase }); return whole.subarray(0, whole.byteLength / 2) }, code: 'ARCHIVE_NOT_ZIP', message: /no zip directory/ },
  { name: 'a zip without holdfast.db', archive: () => zipSync({ 'drafts/Notes.md': utf8('# Notes') }), code: 'ARCHIVE_NO_DATABASE', message: /no holdfast\.db/ },
  { name: 'a holdfast.db that is not SQLite', archive: () => zipSync({ 'holdfast.db': utf8('garbage '.repeat(500)) }), code: 'ARCHIVE_NOT_SQLITE', message: /not an SQLite database/ },
  {
    name: 'an SQLite database that is not a workspace',
    archive: () => zipSync({ 'holdfast.db': changedDatabase((db) => db.pragma('user_version = 0')) }),
    code: 'ARCHIVE_NOT_HOLDFAST',
    message: /no Holdfast schema version/
  },
  {
    name: 'a workspace database with a table Holdfast never makes',
    archive: () => zipSync({ 'holdfast.db': changedDatabase((db) => db.exec('CREATE TRIGGER spy AFTER INSERT ON doc_updates BEGIN DELETE FROM documents; END')) }),
    code: 'ARCHIVE_NOT_HOLDFAST',
    message: /trigger spy/
  },
  { name: 'a database that fails the integrity check', archive: () => zipSync({ 'holdfast.db': corruptDatabase() }), code: 'ARCHIVE_DAMAGED', message: /integrity check|cannot be read/ },
  {
    name: 'a database from a newer Holdfast',
    archive: () => zipSync({ 'holdfast.db': changedDatabase((db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)) }),
    code: 'ARCHIVE_TOO_NEW',
    data: { foundVersion: LATEST_SCHEMA_VERSION + 1, supportedVersion: LATEST_SCHEMA_VERSION },
    message: /newer version of Holdfast.*Update Holdfast/
  },
  {
    name: 'a zip bomb declaring a huge total',
    archive: () =>
      storedZip([
        { name: 'holdfast.db', data: soundDatabase, claimedSize: 3 * 1024 ** 3 },
        { name: 'padding.bin', data: 'x', claimedSize: 3 * 1024 ** 3 }
      ]),
    code: 'ARCHIVE_TOO_LARGE',
    message: /unpacks to more than Holdfast accepts/
  },
  {
    name: 'a zip bomb lying about its size',
    archive: () => storedZip([{ name: 'holdfast.db', data: soundDatabase, claimedSize: 100 }]),
    code: 'ARCHIVE_DAMAGED',
    message: /unpacks to more than the archive declares/
  },
  {
    name: 'a zip whose data does not match its checksum',
    archive: () => {
      const bytes = storedZip([{ name: 'holdfast.db', data: soundDatabase }])
      bytes[200] = bytes[200]! ^ 0xff
      return bytes
    },
    code: 'ARCHIVE_DAMAGED',
    message: /checksum/
  },
  ...['../evil.sh', '/etc/cron.d/evil', 'drafts/../../evil.md', 'C:/evil.bat', 'drafts\\..\\evil.md'].map((name) => ({
    name: `a path-traversal name (${name})`,
    archive: () => storedZip([{ name, data: 'evil' }, { name: 'holdfast.db', data: soundDatabase }]),
    code: 'ARCHIVE_UNSAFE_NAME',
    data: { name },
    message: /Holdfast does not open such archives/
  })),
  {
    name: 'a zip naming holdfast.db twice',
    archive: () => storedZip([{ name: 'holdfast.db', data: soundDatabase }, { name: 'holdfast.db', data: 'other' }]),
    code: 'ARCHIVE_UNSAFE_NAME',
    message: /appears more than once/
  }
]

describe('importing a bad archive', () => {
  for (const bad of cases) {
    it(`refuses ${bad.name} with ${bad.code} and changes nothing`, async () => {
      const { client, dataDir } = await workspace()
      const refusal = uploadArchive(client, bad.archive())
      await expect(refusal).rejects.toMatchObject({ code: bad.code, message: expect.stringMatching(bad.message) as unknown, ...(bad.data ? { data: bad.data } : {}) })
      await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('Nothing was changed.') as unknown })
      await expectUntouched(client, dataDir)
    })
  }

  it('refuses an archive over the size limit before any of it is sent', async () => {
    const { client, dataDir } = await workspace()
    await expect(client.archive.importBegin({ size: ARCHIVE_MAX_BYTES + 1 })).rejects.toMatchObject({
      code: 'ARCHIVE_TOO_LARGE',
      status: 413,
      data: { size: ARCHIVE_MAX_BYTES + 1, limit: ARCHIVE_MAX_BYTES }
    })
    await expectUntouched(client, dataDir)
  })
})
