import { afterEach, describe, expect, it } from 'vitest'
import type { ModelsOverview } from '../../../../../src/shared/contracts/models'
import type { Catalog } from '../../../../../src/shared/models/catalog'
import { ModelManager } from '../../../../../src/core/models/manager/modelManager'
import { catalogEntry, startTinyModelHub, TINY_CATALOG_FILES, TINY_REPO_ID, type TinyModelHub } from '../../../../fixtures/fakeHub'
import { silentLog } from '../../../../support/inProcessCore'

let fixture: TinyModelHub | undefined
let manager: ModelManager | undefined

afterEach(async () => {
  manager?.close()
  await fixture?.close()
  fixture = manager = undefined
})

const MACHINE = { totalMemoryMb: 16_384, cpuProbeMs: 15 }

async function start(cannotRun?: string): Promise<{ manager: ModelManager; hub: TinyModelHub; changes: () => number }> {
  fixture = await startTinyModelHub()
  const catalog: Catalog = {
    version: 1,
    models: [catalogEntry(TINY_REPO_ID, TINY_CATALOG_FILES, { name: 'Tiny Text', minMemoryMb: 100 })]
  }
  let changed = 0
  manager = new ModelManager({
    modelsDir: fixture.modelsDir,
    hubUrl: fixture.hub.url,
    catalog,
    log: silentLog,
    machine: MACHINE,
    cannotRun,
    onInstalledChanged: () => changed++
  })
  return { manager, hub: fixture, changes: () => changed }
}

/** Bytes of every file but the weights, which arrive first. */
function sizeOfSmallFiles(hub: TinyModelHub): number {
  return TINY_CATALOG_FILES.filter((path) => path !== 'onnx/model.onnx').reduce((sum, path) => sum + Buffer.byteLength(hub.files[path] ?? ''), 0)
}

function statusOf(overview: ModelsOverview, id: string) {
  return overview.models.find((m) => m.id === id)?.status
}

/** Resolves with the first published overview that satisfies `check`. */
async function until(manager: ModelManager, check: (overview: ModelsOverview) => boolean): Promise<ModelsOverview> {
  const now = manager.overview()
  if (check(now)) return now
  const abort = new AbortController()
  try {
    for await (const next of manager.events.subscribe('changed', { signal: abort.signal })) if (check(next)) return next
  } finally {
    abort.abort()
  }
  throw new Error('no more events')
}

describe('ModelManager', () => {
  it('lists the catalog as not installed, then downloads, installs and offers the model for writing help', async () => {
    const { manager, changes } = await start()
    const before = manager.overview()
    expect(statusOf(before, TINY_REPO_ID)).toEqual({ state: 'available' })
    expect(before.models[0]).toMatchObject({ recommended: true, active: false, inCatalog: true })
    expect(manager.chatModel()).toBeUndefined()

    manager.download(TINY_REPO_ID)
    const installed = await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'installed')
    expect(statusOf(installed, TINY_REPO_ID)).toMatchObject({ state: 'installed', source: 'hub' })
    expect(installed.models[0]?.active).toBe(true)
    expect(manager.chatModel()).toBe(TINY_REPO_ID)
    expect(changes()).toBe(1)
  })

  it('pauses a slow download keeping what arrived, and resumes from there', async () => {
    const { manager, hub } = await start()
    // The tiny weights file is 4.5 KB: at 1.5 KB/s it takes about 3 s unless paused.
    hub.hub.faults.add('onnx/model.onnx', { type: 'throttle', bytesPerSecond: 1536 }, 1)
    manager.download(TINY_REPO_ID)
    await until(manager, (o) => {
      const status = statusOf(o, TINY_REPO_ID)
      return status?.state === 'downloading' && status.receivedBytes > sizeOfSmallFiles(hub)
    })
    manager.pause(TINY_REPO_ID)
    const paused = await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'paused')
    const kept = statusOf(paused, TINY_REPO_ID)
    expect(kept).toMatchObject({ state: 'paused' })
    const keptBytes = kept?.state === 'paused' ? kept.receivedBytes : 0
    expect(keptBytes).toBeGreaterThan(0)

    manager.download(TINY_REPO_ID)
    await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'installed')
    expect(hub.hub.requests.some((r) => r.file === 'onnx/model.onnx' && r.range !== undefined)).toBe(true)
  })

  it('says what went wrong when the Hub has no such model, and deletes an installed one', async () => {
    const { manager, hub } = await start()
    hub.hub.faults.add('onnx/model.onnx', { type: 'status', status: 404 }, 1)
    manager.download(TINY_REPO_ID)
    const failed = await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'failed')
    const status = statusOf(failed, TINY_REPO_ID)
    expect(status?.state === 'failed' ? status.message : '').toMatch(/onnx\/model\.onnx/)

    manager.download(TINY_REPO_ID)
    await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'installed')
    await manager.remove(TINY_REPO_ID)
    expect(statusOf(manager.overview(), TINY_REPO_ID)).toEqual({ state: 'available' })
    expect(manager.chatModel()).toBeUndefined()
  })

  it('queues the outage kit: only recommended models that are missing', async () => {
    const { manager } = await start()
    expect(manager.outageKit()).toEqual([TINY_REPO_ID])
    await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'installed')
    expect(manager.outageKit()).toEqual([])
  })

  it('recommends nothing and queues no outage kit on a computer that cannot run local models, yet still downloads one asked for (for a pack)', async () => {
    const { manager } = await start('ONNX Runtime has no build for macOS on Intel (darwin x64)')
    expect(manager.overview().models.map((model) => model.recommended)).toEqual([false])
    expect(manager.outageKit()).toEqual([])
    manager.download(TINY_REPO_ID)
    await until(manager, (o) => statusOf(o, TINY_REPO_ID)?.state === 'installed')
  })

  it('refuses unknown ids and a chat model that is not installed', async () => {
    const { manager } = await start()
    expect(() => manager.download('nobody/nothing')).toThrow()
    expect(() => manager.setChatModel('nobody/nothing')).toThrow()
    await expect(manager.remove('nobody/nothing')).rejects.toThrow()
  })
})
