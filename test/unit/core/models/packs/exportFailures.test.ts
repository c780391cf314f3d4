import { mkdirSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INSTALL_MANIFEST_FILE } from '../../../../../src/core/models/installManifest'
import { modelFolder } from '../../../../../src/core/models/installedModels'
import { exportModelPack, ModelPackError, type ModelPackErrorKind } from '../../../../../src/core/models/packs'
import { useTempDirs } from '../../../../support/tempDir'
import { installModel, listFiles, manifestOf, MODEL_ID, writeModelFolder } from './packFixtures'

const tempDir = useTempDirs()

/** Exports MODEL_ID from `modelsDir` to `destination`, expects a refusal of `kind`, and that the destination's folder is unchanged. */
async function expectRefused(modelsDir: string, destination: string, kind: ModelPackErrorKind, message: RegExp): Promise<void> {
  const folder = join(destination, '..')
  const before = listFiles(folder)
  const error: unknown = await exportModelPack({ modelsDir, modelId: MODEL_ID, destination }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ModelPackError)
  expect({ kind: (error as ModelPackError).kind, message: (error as ModelPackError).message }).toMatchObject({ kind, message })
  expect(listFiles(folder)).toEqual(before)
}

describe('exporting a model pack', () => {
  it('refuses an install whose file no longer matches its hash, as a zip or a folder, leaving no partial pack', async () => {
    const modelsDir = tempDir()
    const files = installModel(modelsDir)
    const weights = Buffer.from(files['onnx/model_q4.onnx']!)
    weights[1_500_000]! ^= 1
    writeFileSync(join(modelFolder(modelsDir, MODEL_ID), 'onnx/model_q4.onnx'), weights)
    const out = tempDir()
    const damaged = /onnx\/model_q4\.onnx of holdfast-test\/tiny-pack does not match the hash recorded when it was installed.*No pack was written/
    await expectRefused(modelsDir, join(out, 'tiny.zip'), 'hash-mismatch', damaged)
    await expectRefused(modelsDir, join(out, 'tiny'), 'hash-mismatch', damaged)
    expect(readdirSync(out)).toEqual([])
  })

  it('refuses an install with a missing file, or without a manifest', async () => {
    const modelsDir = tempDir()
    installModel(modelsDir)
    const folder = modelFolder(modelsDir, MODEL_ID)
    rmSync(join(folder, 'tokenizer.json'))
    await expectRefused(modelsDir, join(tempDir(), 'tiny.zip'), 'missing-file', /tokenizer\.json of holdfast-test\/tiny-pack is missing/)
    rmSync(join(folder, INSTALL_MANIFEST_FILE))
    await expectRefused(modelsDir, join(tempDir(), 'tiny.zip'), 'missing-file', /has no holdfast-model\.json/)
  })

  it('writes a folder pack only into a new or empty folder', async () => {
    const modelsDir = tempDir()
    installModel(modelsDir)
    const out = tempDir()
    mkdirSync(join(out, 'empty'))
    await exportModelPack({ modelsDir, modelId: MODEL_ID, destination: join(out, 'empty') })
    expect(listFiles(join(out, 'empty'))).toContain(INSTALL_MANIFEST_FILE)
    await expectRefused(modelsDir, join(out, 'empty'), 'io', /is not empty\. Choose a new or empty folder/)
  })

  it('stops when cancelled and leaves no partial pack', async () => {
    const modelsDir = tempDir()
    installModel(modelsDir)
    const out = tempDir()
    const controller = new AbortController()
    const exporting = exportModelPack({ modelsDir, modelId: MODEL_ID, destination: join(out, 'tiny.zip'), signal: controller.signal, onProgress: () => controller.abort() })
    await expect(exporting).rejects.toMatchObject({ name: 'AbortError' })
    expect(readdirSync(out)).toEqual([])
  })

  it('refuses a model too large for a zip without ZIP64 before writing anything', async () => {
    const modelsDir = tempDir()
    const files = { 'config.json': Buffer.from('{}') }
    const big = 4 * 1024 * 1024 * 1024 + 1
    // A sparse file: the size check comes before any byte is read.
    const manifest = manifestOf(MODEL_ID, files)
    manifest.files.push({ path: 'onnx/huge.onnx', size: big, sha256: '0'.repeat(64) })
    writeModelFolder(modelFolder(modelsDir, MODEL_ID), files, manifest)
    mkdirSync(join(modelFolder(modelsDir, MODEL_ID), 'onnx'))
    writeFileSync(join(modelFolder(modelsDir, MODEL_ID), 'onnx/huge.onnx'), '')
    truncateSync(join(modelFolder(modelsDir, MODEL_ID), 'onnx/huge.onnx'), big)
    await expectRefused(modelsDir, join(tempDir(), 'huge.zip'), 'io', /too large for a \.zip pack.*Export it to a folder instead/)
  })
})
