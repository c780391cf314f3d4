import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deleteModel, downloadModel, removeStaging, stagedBytes, type DownloadProgress } from '../../../../../src/core/models/download'
import { installedModels, modelFolder } from '../../../../../src/core/models/installedModels'
import { INSTALL_MANIFEST_FILE, readInstallManifest } from '../../../../../src/core/models/installManifest'
import { sha256Hex, startTinyModelHub, TINY_CATALOG_FILES, TINY_REPO_ID, type TinyModelHub } from '../../../../fixtures/fakeHub'

const FAST_RETRY = { attempts: 3, baseDelayMs: 5 }

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

function contentOf(files: TinyModelHub['files'], path: string): Uint8Array {
  const content = files[path]!
  return typeof content === 'string' ? new TextEncoder().encode(content) : content
}

describe('downloadModel installs a model from the Hub', () => {
  let setup: TinyModelHub

  beforeEach(async () => {
    setup = await startTinyModelHub()
  })

  afterEach(async () => {
    await setup.close()
  })

  it('installs exactly the catalog files, verified, with a manifest naming the commit', async () => {
    const { hub, modelsDir, model, files } = setup
    const manifest = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })

    const folder = modelFolder(modelsDir, TINY_REPO_ID)
    expect(await filesUnder(folder)).toEqual([...TINY_CATALOG_FILES, INSTALL_MANIFEST_FILE].sort())
    for (const path of TINY_CATALOG_FILES) {
      expect(new Uint8Array(await readFile(join(folder, path)))).toEqual(contentOf(files, path))
    }
    const written = readInstallManifest(folder)
    expect(written).toEqual(manifest)
    expect(written).toMatchObject({ id: TINY_REPO_ID, task: 'chat', revision: hub.mainCommit(TINY_REPO_ID), source: 'hub' })
    expect(written?.files).toEqual(
      TINY_CATALOG_FILES.map((path) => ({ path, size: contentOf(files, path).byteLength, sha256: sha256Hex(contentOf(files, path)) }))
    )
    expect(installedModels(modelsDir).map((installed) => installed.id)).toEqual([TINY_REPO_ID])
    expect(existsSync(join(modelsDir, '.staging'))).toBe(false)
    // The weights came through the CDN redirect, like LFS files on the Hub.
    expect(hub.requests.filter((request) => request.kind === 'cdn').map((request) => request.file)).toEqual(['onnx/model.onnx'])
    expect(hub.requests.some((request) => request.file === 'README.md')).toBe(false)
  })

  it('also downloads from a Hub that serves LFS files without a redirect', async () => {
    await setup.close()
    setup = await startTinyModelHub({ lfsRedirects: false })
    const { hub, modelsDir, model } = setup
    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })
    expect(readInstallManifest(modelFolder(modelsDir, TINY_REPO_ID))?.files).toHaveLength(TINY_CATALOG_FILES.length)
    expect(hub.requests.some((request) => request.kind === 'cdn')).toBe(false)
  })

  it('reports progress that only grows, per catalog file, up to the total', async () => {
    const { hub, modelsDir, model, files } = setup
    const events: DownloadProgress[] = []
    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY, onProgress: (progress) => events.push(progress) })

    const total = TINY_CATALOG_FILES.reduce((sum, path) => sum + contentOf(files, path).byteLength, 0)
    expect(events.length).toBeGreaterThan(1)
    expect(events.every((event) => event.totalBytes === total && TINY_CATALOG_FILES.includes(event.file))).toBe(true)
    const received = events.map((event) => event.receivedBytes)
    expect(received).toEqual([...received].sort((a, b) => a - b))
    expect(received.at(-1)).toBe(total)
  })

  it('downloads a pinned revision even after "main" has moved on', async () => {
    const { hub, modelsDir, model, files } = setup
    const pinned = hub.mainCommit(TINY_REPO_ID)
    hub.publish(TINY_REPO_ID, { ...files, 'config.json': '{"model_type":"gpt2","changed":true}' })

    const manifest = await downloadModel({ hubUrl: hub.url, modelsDir, model: { ...model, revision: pinned }, retry: FAST_RETRY })

    expect(manifest.revision).toBe(pinned)
    expect(await readFile(join(modelFolder(modelsDir, TINY_REPO_ID), 'config.json'))).toEqual(Buffer.from(contentOf(files, 'config.json')))
    expect(hub.requests.filter((request) => request.kind === 'api').map((request) => request.url)).toEqual([
      `/api/models/${TINY_REPO_ID}/revision/${pinned}?blobs=true`
    ])
  })

  it('replaces an installed model only once the new download is complete', async () => {
    const { hub, modelsDir, model, files } = setup
    const first = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })
    const folder = modelFolder(modelsDir, TINY_REPO_ID)
    const newConfig = '{"model_type":"gpt2","version":2}'
    const secondCommit = hub.publish(TINY_REPO_ID, { ...files, 'config.json': newConfig })

    hub.faults.add('onnx/model.onnx', { type: 'status', status: 404 })
    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })).rejects.toMatchObject({ kind: 'not-found' })
    expect(readInstallManifest(folder)).toEqual(first)
    expect(await readFile(join(folder, 'config.json'))).toEqual(Buffer.from(contentOf(files, 'config.json')))

    hub.faults.clear()
    const second = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })
    expect(second.revision).toBe(secondCommit)
    expect(readInstallManifest(folder)).toEqual(second)
    expect(await readFile(join(folder, 'config.json'), 'utf8')).toBe(newConfig)
    expect(await filesUnder(folder)).toEqual([...TINY_CATALOG_FILES, INSTALL_MANIFEST_FILE].sort())
    expect(await readdir(modelsDir)).toEqual(['holdfast-test'])
  })
})

describe('deleteModel', () => {
  let setup: TinyModelHub

  beforeEach(async () => {
    setup = await startTinyModelHub()
  })

  afterEach(async () => {
    await setup.close()
  })

  it('removes an installed model and its partial download', async () => {
    const { hub, modelsDir, model } = setup
    await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })
    hub.faults.add('onnx/model.onnx', { type: 'drop', atByte: 1000 })
    hub.publish(TINY_REPO_ID, { ...setup.files, 'config.json': '{"model_type":"gpt2"}' })
    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })).rejects.toMatchObject({ kind: 'network' })
    expect(stagedBytes(modelsDir, TINY_REPO_ID)).toBeGreaterThan(0)

    await deleteModel(modelsDir, TINY_REPO_ID)

    expect(installedModels(modelsDir)).toEqual([])
    expect(stagedBytes(modelsDir, TINY_REPO_ID)).toBe(0)
    expect(await readdir(modelsDir)).toEqual([])
  })

  it('removeStaging discards a partial download and leaves the installed model alone', async () => {
    const { hub, modelsDir, model } = setup
    const installed = await downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })
    hub.publish(TINY_REPO_ID, { ...setup.files, 'config.json': '{"model_type":"gpt2"}' })
    hub.faults.add('tokenizer.json', { type: 'status', status: 404 })
    await expect(downloadModel({ hubUrl: hub.url, modelsDir, model, retry: FAST_RETRY })).rejects.toMatchObject({ kind: 'not-found' })
    expect(stagedBytes(modelsDir, TINY_REPO_ID)).toBeGreaterThan(0)

    await removeStaging(modelsDir, TINY_REPO_ID)

    expect(stagedBytes(modelsDir, TINY_REPO_ID)).toBe(0)
    expect(await readdir(modelsDir)).toEqual(['holdfast-test'])
    expect(readInstallManifest(modelFolder(modelsDir, TINY_REPO_ID))).toEqual(installed)
  })

  it('refuses an id that would leave the models folder', async () => {
    await expect(deleteModel(setup.modelsDir, '../outside')).rejects.toThrow()
    await expect(removeStaging(setup.modelsDir, 'owner/../..')).rejects.toThrow()
  })
})
