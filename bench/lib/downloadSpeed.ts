import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { copyFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { downloadModel } from '../../src/core/models/download'
import { catalogEntry } from '../../test/fixtures/fakeHub'
import { median } from './stats'

// The model downloader against the fake Hub on 127.0.0.1 (no network in the way), next to a plain
// copy of the same number of bytes on the same disk: how close a download comes to the disk.

const REPO_ID = 'holdfast-bench/large-weights'
const CONFIG = JSON.stringify({ model_type: 'gpt2' })
const RUNS = 3

export interface DownloadSpeed {
  /** Median of the runs: API → files (the weights behind the CDN redirect) → hash checks → install. */
  downloadMBps: number
  /** Median of the runs: copyFile of a file of the weights' size on the same disk, then fsync. */
  copyMBps: number
  megabytes: number
}

const mbps = (bytes: number, ms: number): number => bytes / (1024 * 1024) / (ms / 1000)

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

export async function measureDownloadSpeed(megabytes: number): Promise<DownloadSpeed> {
  const bytes = megabytes * 1024 * 1024
  const root = await mkdtemp(join(tmpdir(), 'holdfast-bench-download-'))
  const hub = new Worker(new URL('./fakeHubThread.ts', import.meta.url), { workerData: { repoId: REPO_ID, config: CONFIG, megabytes } })
  try {
    const [hubUrl] = (await once(hub, 'message')) as [string]
    const model = catalogEntry(REPO_ID, ['config.json', 'onnx/model.onnx'])
    const downloads: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const ms = await timed(() => downloadModel({ hubUrl, modelsDir: join(root, `models-${run}`), model }))
      downloads.push(mbps(bytes + CONFIG.length, ms))
    }

    const source = join(root, 'source.onnx')
    await writeFile(source, randomBytes(bytes))
    const copies: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const copied = join(root, `copy-${run}.onnx`)
      const ms = await timed(async () => {
        await copyFile(source, copied)
        const handle = await open(copied, 'r+')
        await handle.sync()
        await handle.close()
      })
      copies.push(mbps(bytes, ms))
    }
    return { downloadMBps: median(downloads), copyMBps: median(copies), megabytes }
  } finally {
    await hub.terminate()
    await rm(root, { recursive: true, force: true })
  }
}
