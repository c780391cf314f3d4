import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveError } from '../../../../src/core/archive/archiveError'
import { unpackOffThread } from '../../../../src/core/archive/unpackOffThread'
import { olderWorkspace } from '../../../support/archive'
import { useTempDirs } from '../../../support/tempDir'

// The worker runs from the build, exactly as the app starts it.
const WORKER = resolve('out/main/archive-worker.js')
const tempDir = useTempDirs()

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first (npm test does).`)
})

describe('unpackOffThread', () => {
  it('unpacks and checks a sound archive in the worker', async () => {
    const dir = tempDir()
    const database = join(dir, 'source.db')
    await olderWorkspace(database, 2, [{ id: 'd', title: 'Draft', text: 'Text.' }])
    writeFileSync(join(dir, 'archive.zip'), zipSync({ 'holdfast.db': readFileSync(database) }))
    await unpackOffThread(join(dir, 'archive.zip'), join(dir, 'unpacked.db'), WORKER)
    expect(readFileSync(join(dir, 'unpacked.db')).equals(readFileSync(database))).toBe(true)
  })

  it('brings the refusal back from the worker as the same ArchiveError', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'archive.zip'), zipSync({ 'holdfast.db': new TextEncoder().encode('not a database at all') }))
    const refusal = unpackOffThread(join(dir, 'archive.zip'), join(dir, 'unpacked.db'), WORKER)
    await expect(refusal).rejects.toBeInstanceOf(ArchiveError)
    await expect(refusal).rejects.toMatchObject({ code: 'ARCHIVE_NOT_SQLITE' })
  })
})
