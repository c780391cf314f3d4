import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { downloadModel, ModelDownloadError, stagedBytes, stagingFolder, type DownloadProgress } from '../../../../../src/core/models/download'
import { modelFolder } from '../../../../../src/core/models/installedModels'
import { readInstallManifest } from '../../../../../src/core/models/installManifest'
import { sha256Hex, startTinyModelHub, TINY_REPO_ID, type FileFault, type TinyModelHub } from '../../../../fixtures/fakeHub'

const FAST_RETRY = { attempts: 3, baseDelayMs: 5 }
const WEIGHTS = 'onnx/model.onnx'

describe('downloadModel resumes', () => {
  let setup: TinyModelHub
  let weights: Uint8Array
  /** The catalog lists the weights last: bytes of the other files. */
  let bytesBeforeWeights: number

  beforeEach(async () => {
    setup = await startTinyModelHub()
    weights = setup.files[WEIGHTS] as Uint8Array
    bytesBeforeWeights = setup.model.files.filter((file) => file.path !== WEIGHTS).reduce((sum, file) => sum + new Blob([setup.files[file.path]!]).size, 0)
  })

  /** A drop of the weights' connection at `atByte`, once the client reports having those bytes on disk. */
  function dropOnceReceived(atByte: number): { fault: FileFault; onProgress: (progress: DownloadProgress) => void } {
    let release = (): void => undefined
    const received = new Promise<void>((resolve) => (release = resolve))
    return {
      fault: { type: 'drop', atByte, after: received },
      onProgress: ({ file, receivedBytes }) => {
        if (file === WEIGHTS && receivedBytes - bytesBeforeWeights >= atByte) release()
      }
    }
  }

  afterEach(async () => {
    await setup.close()
  })

  const installedWeights = async (): Promise<Buffer> => readFile(join(modelFolder(setup.modelsDir, TINY_REPO_ID), WEIGHTS))
  const weightRequests = () => setup.hub.requests.filter((request) => request.kind === 'cdn')

  it('continues a file after a dropped connection with a Range request, without fetching its start again', async () => {
    const { hub, modelsDir, model } = setup
    const drop = dropOnceReceived(2000)
    hub.faults.add(WEIGHTS, drop.fault, 1)

    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY, onProgress: drop.onProgress })

    expect(weightRequests().map(({ range, status, bytesSent }) => ({ range, status, bytesSent }))).toEqual([
      { range: undefined, status: 200, bytesSent: 2000 },
      { range: 'bytes=2000-', status: 206, bytesSent: weights.byteLength - 2000 }
    ])
    expect(hub.bytesServed(WEIGHTS)).toBe(weights.byteLength)
    expect(await installedWeights()).toEqual(Buffer.from(weights))
  })

  it('starts a file over when the server ignores Range', async () => {
    const { hub, modelsDir, model } = setup
    const drop = dropOnceReceived(2000)
    hub.faults.add(WEIGHTS, drop.fault, 1)
    hub.faults.add(WEIGHTS, { type: 'ignore-range' })

    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY, onProgress: drop.onProgress })

    expect(weightRequests().map(({ range, status }) => ({ range, status }))).toEqual([
      { range: undefined, status: 200 },
      { range: 'bytes=2000-', status: 200 }
    ])
    expect(await installedWeights()).toEqual(Buffer.from(weights))
  })

  it('gives up on a connection that goes quiet and continues the file on a new one', async () => {
    const { hub, modelsDir, model } = setup
    hub.faults.add(WEIGHTS, { type: 'stall', atByte: 2500 }, 1)

    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY, stallTimeoutMs: 1000 })

    expect(weightRequests().map(({ range, bytesSent }) => ({ range, bytesSent }))).toEqual([
      { range: undefined, bytesSent: 2500 },
      { range: 'bytes=2500-', bytesSent: weights.byteLength - 2500 }
    ])
    expect(await installedWeights()).toEqual(Buffer.from(weights))
  })

  it('retries a file after a 500', async () => {
    const { hub, modelsDir, model } = setup
    hub.faults.add('tokenizer.json', { type: 'status', status: 500 }, 1)

    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })

    expect(hub.requests.filter((request) => request.file === 'tokenizer.json').map((request) => request.status)).toEqual([500, 200])
  })

  it('gives up with a network error that a later call resumes from the bytes kept', async () => {
    const { hub, modelsDir, model } = setup
    const drop = dropOnceReceived(3000)
    hub.faults.add(WEIGHTS, drop.fault)

    const failure = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY, onProgress: drop.onProgress }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(ModelDownloadError)
    expect(failure).toMatchObject({ kind: 'network' })
    expect((failure as Error).message).toContain(`${WEIGHTS} of ${model.name}`)
    expect(readInstallManifest(modelFolder(modelsDir, TINY_REPO_ID))).toBeUndefined()
    expect((await stat(join(stagingFolder(modelsDir, TINY_REPO_ID), WEIGHTS))).size).toBe(3000)

    hub.faults.clear()
    const requestsBefore = hub.requests.length
    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })

    const resumed = hub.requests.slice(requestsBefore).filter((request) => request.kind === 'cdn')
    expect(resumed.map(({ range, bytesSent }) => ({ range, bytesSent }))).toEqual([{ range: 'bytes=3000-', bytesSent: weights.byteLength - 3000 }])
    expect(await installedWeights()).toEqual(Buffer.from(weights))
  })

  it('pauses on abort, keeps the bytes, and a second call downloads only the rest', async () => {
    const { hub, modelsDir, model } = setup
    hub.faults.add(WEIGHTS, { type: 'throttle', bytesPerSecond: 8000 })
    const controller = new AbortController()

    const paused = await downloadModel({
      hubUrl: hub.url,
      modelsDir,
      model,
      retry: FAST_RETRY,
      signal: controller.signal,
      onProgress: ({ file, receivedBytes }) => {
        if (file === WEIGHTS && receivedBytes > bytesBeforeWeights) controller.abort()
      }
    }).catch((error: unknown) => error)

    expect(paused).toMatchObject({ kind: 'paused' })
    expect(readInstallManifest(modelFolder(modelsDir, TINY_REPO_ID))).toBeUndefined()
    const kept = (await stat(join(stagingFolder(modelsDir, TINY_REPO_ID), WEIGHTS))).size
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(weights.byteLength)
    expect(stagedBytes(modelsDir, TINY_REPO_ID)).toBe(bytesBeforeWeights + kept)

    hub.faults.clear()
    const requestsBefore = hub.requests.length
    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })

    const fileRequests = hub.requests.slice(requestsBefore).filter((request) => request.kind !== 'api')
    // Files completed before the pause are not fetched again.
    expect(fileRequests.map((request) => request.file)).toEqual([WEIGHTS, WEIGHTS])
    expect(fileRequests.at(-1)).toMatchObject({ range: `bytes=${kept}-`, status: 206, bytesSent: weights.byteLength - kept })
    expect(await installedWeights()).toEqual(Buffer.from(weights))
  })

  it('starts over when "main" moved to another commit since the pause', async () => {
    const { hub, modelsDir, model, files } = setup
    hub.faults.add(WEIGHTS, { type: 'drop', atByte: 2000 })
    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })).rejects.toMatchObject({ kind: 'network' })
    hub.faults.clear()
    const newWeights = Uint8Array.from(weights).reverse()
    const newCommit = hub.publish(TINY_REPO_ID, { ...files, [WEIGHTS]: newWeights })
    const requestsBefore = hub.requests.length

    const manifest = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })

    expect(manifest.revision).toBe(newCommit)
    expect(manifest.files.find((file) => file.path === WEIGHTS)?.sha256).toBe(sha256Hex(newWeights))
    expect(hub.requests.slice(requestsBefore).filter((request) => request.kind === 'cdn').map((request) => request.range)).toEqual([undefined])
    expect(await installedWeights()).toEqual(Buffer.from(newWeights))
  })
})
