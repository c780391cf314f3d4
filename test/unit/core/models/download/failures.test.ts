import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DISK_SPACE_MARGIN_BYTES, downloadModel, ModelDownloadError, stagedBytes, stagingFolder, type DownloadModelOptions } from '../../../../../src/core/models/download'
import { modelFolder } from '../../../../../src/core/models/installedModels'
import { API_FAULT_KEY, sha256Hex, startTinyModelHub, TINY_REPO_ID, type TinyModelHub } from '../../../../fixtures/fakeHub'

const FAST_RETRY = { attempts: 3, baseDelayMs: 5 }
const WEIGHTS = 'onnx/model.onnx'

async function downloadError(options: DownloadModelOptions): Promise<ModelDownloadError> {
  const error = await downloadModel(options).then(
    () => undefined,
    (caught: unknown) => caught
  )
  if (!(error instanceof ModelDownloadError)) throw new Error(`expected a ModelDownloadError, got ${String(error)}`)
  return error
}

describe('downloadModel refuses bad files', () => {
  let setup: TinyModelHub
  let options: DownloadModelOptions

  beforeEach(async () => {
    setup = await startTinyModelHub()
    options = { hubUrl: setup.hub.url, modelsDir: setup.modelsDir, model: setup.model, retry: FAST_RETRY }
  })

  afterEach(async () => {
    await setup.close()
  })

  const installed = () => existsSync(modelFolder(setup.modelsDir, TINY_REPO_ID))
  const staged = (path: string) => existsSync(join(stagingFolder(setup.modelsDir, TINY_REPO_ID), path))
  const fileRequests = () => setup.hub.requests.filter((request) => request.kind !== 'api')

  it.each([
    ['an LFS file (SHA-256)', WEIGHTS],
    ['a small file (git blob id)', 'tokenizer.json']
  ])('rejects wrong bytes in %s, installs nothing and discards the file so a retry fetches it fresh', async (_kind, path) => {
    setup.hub.faults.add(path, { type: 'wrong-bytes' }, 1)

    const error = await downloadError(options)

    expect(error.kind).toBe('hash-mismatch')
    expect(error.message).toBe(`The file ${path} of Tiny Text did not match its published hash; it was discarded. Try the download again.`)
    expect(installed()).toBe(false)
    expect(staged(path)).toBe(false)
    expect(staged('config.json')).toBe(true)

    const requestsBefore = setup.hub.requests.length
    await downloadModel(options)
    const retried = setup.hub.requests.slice(requestsBefore).filter((request) => request.file === path)
    expect(retried.every((request) => request.range === undefined && request.status !== 206)).toBe(true)
    expect(installed()).toBe(true)
  })

  it('refuses before downloading when the catalog pins another SHA-256 than the Hub publishes', async () => {
    const model = { ...setup.model, files: setup.model.files.map((file) => (file.path === WEIGHTS ? { ...file, sha256: 'a'.repeat(64) } : file)) }

    const error = await downloadError({ ...options, model })

    expect(error.kind).toBe('hash-mismatch')
    expect(error.message).toContain(WEIGHTS)
    expect(fileRequests()).toEqual([])
    expect(installed()).toBe(false)
  })

  it('checks a small file against the catalog pin too', async () => {
    const model = { ...setup.model, files: setup.model.files.map((file) => (file.path === 'config.json' ? { ...file, sha256: sha256Hex(new Uint8Array([1])) } : file)) }

    const error = await downloadError({ ...options, model })

    expect(error.kind).toBe('hash-mismatch')
    expect(error.message).toContain('config.json')
    expect(staged('config.json')).toBe(false)
    expect(installed()).toBe(false)
  })

  it('names the file the Hub answers 404 for', async () => {
    setup.hub.faults.add(WEIGHTS, { type: 'status', status: 404 })

    const error = await downloadError(options)

    expect(error.kind).toBe('not-found')
    expect(error.message).toContain(`${WEIGHTS} of Tiny Text`)
    expect(installed()).toBe(false)
  })

  it('names a catalog file the Hub does not list, before downloading anything', async () => {
    const model = { ...setup.model, files: [...setup.model.files, { path: 'onnx/model_q4.onnx' }] }

    const error = await downloadError({ ...options, model })

    expect(error.kind).toBe('not-found')
    expect(error.message).toContain('onnx/model_q4.onnx')
    expect(fileRequests()).toEqual([])
  })

  it('reports a repository the Hub does not have as not found', async () => {
    const error = await downloadError({ ...options, model: { ...setup.model, id: 'nobody/nothing' } })
    expect(error.kind).toBe('not-found')
    expect(error.message).toContain('nobody/nothing')
  })

  it('retries the model info after a 500', async () => {
    setup.hub.faults.add(API_FAULT_KEY, { type: 'status', status: 500 }, 1)
    await downloadModel(options)
    expect(setup.hub.requests.filter((request) => request.kind === 'api').map((request) => request.status)).toEqual([500, 200])
  })

  it.each([
    ['a redirect loop', (url: string) => url],
    ['a redirect to another protocol', () => 'ftp://127.0.0.1/model.onnx']
  ])('refuses %s', async (_kind, location) => {
    const resolveUrl = `/${TINY_REPO_ID}/resolve/${setup.hub.mainCommit(TINY_REPO_ID)}/tokenizer.json`
    setup.hub.faults.add('tokenizer.json', { type: 'redirect', location: location(resolveUrl) })

    const error = await downloadError(options)

    expect(error.kind).toBe('bad-response')
    expect(setup.hub.requests.filter((request) => request.file === 'tokenizer.json').length).toBeLessThanOrEqual(6)
    expect(installed()).toBe(false)
  })
})

describe('downloadModel checks the disk space first', () => {
  let setup: TinyModelHub

  beforeEach(async () => {
    setup = await startTinyModelHub()
  })

  afterEach(async () => {
    await setup.close()
  })

  it('refuses when the remaining bytes and the margin do not fit, saying how much is needed and free', async () => {
    const { hub, modelsDir, model, files } = setup
    const total = model.files.reduce((sum, file) => sum + new Blob([files[file.path]!]).size, 0)
    const options = { hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY }

    const error = await downloadError({ ...options, freeBytes: () => Promise.resolve(DISK_SPACE_MARGIN_BYTES + total - 1) })

    expect(error.kind).toBe('disk-space')
    expect(error.message).toMatch(/needs 101 MB of free disk space .* but only 100 MB is free .* Free up some space and try again\.$/)
    expect(hub.requests.filter((request) => request.kind !== 'api')).toEqual([])

    await downloadModel({ ...options, freeBytes: () => Promise.resolve(DISK_SPACE_MARGIN_BYTES + total) })
    expect(existsSync(modelFolder(modelsDir, TINY_REPO_ID))).toBe(true)
  })

  it('counts only what is left to download after a failed attempt', async () => {
    const { hub, modelsDir, model, files } = setup
    const total = model.files.reduce((sum, file) => sum + new Blob([files[file.path]!]).size, 0)
    hub.faults.add('tokenizer.json', { type: 'status', status: 404 }, 1)
    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })).rejects.toMatchObject({ kind: 'not-found' })
    const kept = stagedBytes(modelsDir, TINY_REPO_ID)
    expect(kept).toBeGreaterThan(0)
    const seen: number[] = []

    await downloadModel({
      hubUrl: hub.url,
      modelsDir,
      model,
      retry: FAST_RETRY,
      freeBytes: (folder) => {
        expect(folder).toBe(modelsDir)
        return Promise.resolve(DISK_SPACE_MARGIN_BYTES + total - kept)
      },
      onProgress: ({ receivedBytes }) => seen.push(receivedBytes)
    })

    expect(seen[0]).toBe(kept)
    expect(await readdir(modelFolder(modelsDir, TINY_REPO_ID))).toContain('tokenizer.json')
  })
})
