import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../../../../src/core/docs/docStore'
import { workerMaintenance } from '../../../../src/core/docs/maintenance'
import { openDatabase } from '../../../../src/core/storage/openDatabase'
import { useTempDirs } from '../../../support/tempDir'
import { recordUpdates, textOf } from '../../../support/yjs'

// The worker runs from the build, exactly as the app starts it.
const WORKER = resolve('out/main/maintenance-worker.js')
const tempDir = useTempDirs()

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first (npm test does).`)
})

describe('workerMaintenance', () => {
  it('compacts in a worker thread while the core keeps appending', async () => {
    const file = join(tempDir(), 'holdfast.db')
    const opened = openDatabase(file)
    if (opened.state !== 'ready') throw new Error('database not ready')
    const store = new DocStore(opened.db)
    store.create('d', 'draft')
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    for (let i = 0; i < 500; i++) doc.getText('text').insert(i, 'x')
    await store.append('d', updates.splice(0))

    const maintenance = workerMaintenance(WORKER, file)
    const compacting = maintenance.run('compact', 'd')
    doc.getText('text').insert(0, 'late ')
    await store.append('d', updates.splice(0))
    const result = await compacting
    expect(result.merged).toBeGreaterThanOrEqual(500)
    expect(textOf(store.load('d').updates)).toBe(doc.getText('text').toJSON())
    await maintenance.close()
    opened.db.close()
  })

  it('reports a failure to the caller instead of crashing', async () => {
    const file = join(tempDir(), 'holdfast.db')
    const opened = openDatabase(file)
    if (opened.state !== 'ready') throw new Error('database not ready')
    opened.db.prepare("INSERT INTO documents VALUES ('bad', 'draft', 1)").run()
    opened.db.prepare("INSERT INTO doc_updates (doc_id, data, created_at) VALUES ('bad', x'ffffffff0f', 1)").run()
    const maintenance = workerMaintenance(WORKER, file)
    await expect(maintenance.run('compact', 'bad')).rejects.toThrow()
    // The worker still serves the next request, and the bad entry is still there.
    await expect(maintenance.run('compact', 'bad')).rejects.toThrow()
    expect(opened.db.prepare("SELECT count(*) FROM doc_updates WHERE doc_id = 'bad'").pluck().get()).toBe(1)
    await maintenance.close()
    opened.db.close()
  })
})
