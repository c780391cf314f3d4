import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { INSTALL_MANIFEST_FILE, readInstallManifest, type InstallManifest } from '../../../../../src/core/models/installManifest'
import { modelFolder } from '../../../../../src/core/models/installedModels'
import { exportModelPack, importModelPack, type PackProgress } from '../../../../../src/core/models/packs'
import { readPackZipDirectory } from '../../../../../src/core/models/packs/packZipDirectory'
import { useTempDirs } from '../../../../support/tempDir'
import { installModel, listFiles, manifestOf, MODEL_ID, readInstalled, sampleFiles, writeModelFolder } from './packFixtures'

const tempDir = useTempDirs()

async function zipEntries(path: string): Promise<{ name: string; method: number }[]> {
  const file = await open(path, 'r')
  try {
    return (await readPackZipDirectory(file, (await file.stat()).size)).entries.map(({ name, method }) => ({ name, method }))
  } finally {
    await file.close()
  }
}

function expectInstalled(modelsDir: string, files: Record<string, Uint8Array>): void {
  expect(listFiles(modelFolder(modelsDir, MODEL_ID))).toEqual([...Object.keys(files), INSTALL_MANIFEST_FILE].sort())
  for (const [path, bytes] of Object.entries(files)) expect(readInstalled(modelsDir, MODEL_ID, path).equals(bytes)).toBe(true)
  expect(readdirSync(join(modelsDir, '.staging'))).toEqual([])
}

describe('model packs round trip', () => {
  it('exports an installed model as a stored zip, manifest first, and imports it into another models folder', async () => {
    const fromDir = tempDir()
    const files = installModel(fromDir)
    const pack = join(tempDir(), 'tiny.zip')
    const exportProgress: PackProgress[] = []
    const exported = await exportModelPack({ modelsDir: fromDir, modelId: MODEL_ID, destination: pack, onProgress: (p) => exportProgress.push(p) })

    expect(exported.id).toBe(MODEL_ID)
    expect(readdirSync(join(pack, '..'))).toEqual(['tiny.zip'])
    const entries = await zipEntries(pack)
    expect(entries.map((entry) => entry.name)).toEqual([INSTALL_MANIFEST_FILE, ...Object.keys(files)])
    expect(entries.every((entry) => entry.method === 0)).toBe(true)
    const total = Object.values(files).reduce((sum, bytes) => sum + bytes.byteLength, 0)
    expect(exportProgress.at(-1)).toEqual({ bytesDone: total, bytesTotal: total })

    const toDir = tempDir()
    const importProgress: PackProgress[] = []
    const before = Date.now()
    const installed = await importModelPack({ modelsDir: toDir, source: pack, onProgress: (p) => importProgress.push(p) })

    expectInstalled(toDir, files)
    expect(installed).toEqual(readInstallManifest(modelFolder(toDir, MODEL_ID)))
    expect(installed).toMatchObject({ id: MODEL_ID, source: 'pack', files: manifestOf(MODEL_ID, files).files })
    expect(Date.parse(installed.installedAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(importProgress.at(-1)).toEqual({ bytesDone: total, bytesTotal: total })
  })

  it('exports to a folder and imports from it', async () => {
    const fromDir = tempDir()
    const files = installModel(fromDir)
    const pack = join(tempDir(), 'pack')
    await exportModelPack({ modelsDir: fromDir, modelId: MODEL_ID, destination: pack })
    expect(listFiles(pack)).toEqual([...Object.keys(files), INSTALL_MANIFEST_FILE].sort())

    const toDir = tempDir()
    await importModelPack({ modelsDir: toDir, source: pack })
    expectInstalled(toDir, files)
  })

  it('imports a hand-made folder pack whose manifest leaves out when and how it was installed', async () => {
    const files = sampleFiles()
    const manifest: Partial<InstallManifest> = manifestOf(MODEL_ID, files)
    delete manifest.installedAt
    delete manifest.source
    const pack = tempDir()
    writeModelFolder(pack, files, manifest)

    const toDir = tempDir()
    expect((await importModelPack({ modelsDir: toDir, source: pack })).source).toBe('pack')
    expectInstalled(toDir, files)
  })

  it('imports a zip whose files are deflated, across read and inflate steps', async () => {
    // Random bytes do not compress (several reads of deflated data); the pattern does (much output per step).
    const pattern = new Uint8Array(4 * 1024 * 1024 + 7).map((_, i) => ((i * 31) % 251) ^ (i >> 12))
    const files = { ...sampleFiles(), 'onnx/model_q4.onnx': Buffer.concat([randomBytes(2 * 1024 * 1024), pattern]) }
    const pack = join(tempDir(), 'deflated.zip')
    writeFileSync(pack, zipSync({ [INSTALL_MANIFEST_FILE]: Buffer.from(JSON.stringify(manifestOf(MODEL_ID, files))), ...files }, { level: 6 }))
    expect((await zipEntries(pack)).every((entry) => entry.method === 8)).toBe(true)

    const toDir = tempDir()
    await importModelPack({ modelsDir: toDir, source: pack })
    expectInstalled(toDir, files)
  })

  it('replaces an installed model of the same id only with the complete new one', async () => {
    const fromDir = tempDir()
    const files = installModel(fromDir)
    const pack = join(tempDir(), 'tiny.zip')
    await exportModelPack({ modelsDir: fromDir, modelId: MODEL_ID, destination: pack })

    const toDir = tempDir()
    installModel(toDir, MODEL_ID, { 'config.json': Buffer.from('{"old":true}'), 'onnx/old.onnx': Buffer.from('old weights') })
    await importModelPack({ modelsDir: toDir, source: pack })
    expectInstalled(toDir, files)
    await importModelPack({ modelsDir: toDir, source: pack })
    expectInstalled(toDir, files)
    expect(readFileSync(join(modelFolder(toDir, MODEL_ID), 'config.json'), 'utf8')).not.toContain('old')
  })

  it('replaces an existing .zip at the destination and leaves no partial pack', async () => {
    const fromDir = tempDir()
    installModel(fromDir)
    const out = tempDir()
    const pack = join(out, 'tiny.zip')
    writeFileSync(pack, 'an older pack')
    await exportModelPack({ modelsDir: fromDir, modelId: MODEL_ID, destination: pack })
    expect(readdirSync(out)).toEqual(['tiny.zip'])
    expect(existsSync(pack) && (await zipEntries(pack)).length).toBe(4)
  })
})
