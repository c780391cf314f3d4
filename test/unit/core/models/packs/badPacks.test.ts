import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { INSTALL_MANIFEST_FILE } from '../../../../../src/core/models/installManifest'
import { importModelPack, ModelPackError, type ModelPackErrorKind } from '../../../../../src/core/models/packs'
import { useTempDirs } from '../../../../support/tempDir'
import { storedZip } from '../../../../support/zip'
import { manifestOf, MODEL_ID, sampleFiles, sha256, writeModelFolder } from './packFixtures'

const tempDir = useTempDirs()
const WEIGHTS = 'onnx/model_q4.onnx'

/** Imports `source` into an empty models folder, expects a refusal of `kind`, and that nothing was installed or left in staging. */
async function expectRefused(source: string, kind: ModelPackErrorKind, message?: RegExp): Promise<ModelPackError> {
  const modelsDir = tempDir()
  const error: unknown = await importModelPack({ modelsDir, source }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ModelPackError)
  const packError = error as ModelPackError
  expect({ kind: packError.kind, message: packError.message }).toMatchObject({ kind, message: message ?? /./ })
  expect(readdirSync(modelsDir).filter((name) => name !== '.staging')).toEqual([])
  if (existsSync(join(modelsDir, '.staging'))) expect(readdirSync(join(modelsDir, '.staging'))).toEqual([])
  return packError
}

function zipPack(files: Record<string, Uint8Array>, manifest: object = manifestOf(MODEL_ID, files)): string {
  const path = join(tempDir(), 'pack.zip')
  writeFileSync(path, zipSync({ [INSTALL_MANIFEST_FILE]: Buffer.from(JSON.stringify(manifest)), ...files }, { level: 0 }))
  return path
}

function folderPack(files: Record<string, Uint8Array>, manifest: object = manifestOf(MODEL_ID, files)): string {
  const folder = tempDir()
  writeModelFolder(folder, files, manifest)
  return folder
}

describe('importing a bad model pack', () => {
  it('refuses a file changed after its hash was taken, naming it, with nothing installed', async () => {
    const files = sampleFiles()
    const manifest = manifestOf(MODEL_ID, files)
    const altered = Buffer.from(files[WEIGHTS]!)
    altered[altered.length - 1]! ^= 1
    const error = await expectRefused(zipPack({ ...files, [WEIGHTS]: altered }, manifest), 'hash-mismatch')
    expect(error.message).toContain(`${WEIGHTS} does not match the hash in the pack; nothing was installed`)
    await expectRefused(folderPack({ ...files, [WEIGHTS]: altered }, manifest), 'hash-mismatch', /model_q4\.onnx does not match/)
  })

  it('refuses a file longer than its manifest says, in a folder or in a zip that lies about its size', async () => {
    const files = { 'config.json': Buffer.from('{"model_type":"llama"}') }
    const manifest = manifestOf(MODEL_ID, files)
    const longer = Buffer.from('{"model_type":"llama"}   ')
    await expectRefused(folderPack({ 'config.json': longer }, manifest), 'hash-mismatch', /config\.json does not match/)
    const lying = join(tempDir(), 'lying.zip')
    writeFileSync(
      lying,
      storedZip([
        { name: INSTALL_MANIFEST_FILE, data: JSON.stringify(manifest) },
        { name: 'config.json', data: longer, claimedSize: files['config.json'].byteLength }
      ])
    )
    await expectRefused(lying, 'hash-mismatch', /config\.json does not match/)
  })

  it('refuses a zip with an entry outside the pack', async () => {
    const files = { 'config.json': Buffer.from('{}') }
    const cases = { '../evil': /climbs out/, 'onnx/../../evil': /climbs out/, '/etc/evil': /absolute/, 'C:/evil': /absolute/, 'onnx\\evil': /backslashes/ }
    for (const [name, problem] of Object.entries(cases)) {
      const path = join(tempDir(), 'evil.zip')
      writeFileSync(path, storedZip([{ name: INSTALL_MANIFEST_FILE, data: JSON.stringify(manifestOf(MODEL_ID, files)) }, { name: 'config.json', data: '{}' }, { name, data: 'x' }]))
      const error = await expectRefused(path, 'unsafe', /^Holdfast does not import this pack: the zip holds/)
      expect(error.message).toMatch(problem)
    }
  })

  it('refuses a listed file the pack does not hold', async () => {
    const files = sampleFiles()
    const manifest = manifestOf(MODEL_ID, files)
    const withoutWeights = Object.fromEntries(Object.entries(files).filter(([path]) => path !== WEIGHTS))
    await expectRefused(zipPack(withoutWeights, manifest), 'missing-file', /lists onnx\/model_q4\.onnx but does not hold it/)
    await expectRefused(folderPack(withoutWeights, manifest), 'missing-file', /lists onnx\/model_q4\.onnx/)
  })

  it('refuses a file the manifest does not list', async () => {
    const files = sampleFiles()
    const manifest = manifestOf(MODEL_ID, files)
    const extra = { ...files, 'onnx/unlisted.onnx': Buffer.from('unchecked') }
    await expectRefused(zipPack(extra, manifest), 'unsafe', /holds onnx\/unlisted\.onnx, which its holdfast-model\.json does not list/)
    await expectRefused(folderPack(extra, manifest), 'unsafe', /onnx\/unlisted\.onnx/)
  })

  it('refuses a zip holding a link, as a Unix zip tool records one', async () => {
    const files = { 'config.json': Buffer.from('{}') }
    const zip = Buffer.from(storedZip([{ name: INSTALL_MANIFEST_FILE, data: JSON.stringify(manifestOf(MODEL_ID, files)) }, { name: 'config.json', data: '/etc/passwd' }]))
    // The second central directory entry: made on Unix (3), with a symbolic link's file type in its external attributes.
    const entry = zip.indexOf(Buffer.from('config.json'), zip.readUInt32LE(zip.length - 6)) - 46
    zip.writeUInt8(3, entry + 5)
    zip.writeUInt32LE((0o120777 << 16) >>> 0, entry + 38)
    const path = join(tempDir(), 'link.zip')
    writeFileSync(path, zip)
    await expectRefused(path, 'unsafe', /holds “config\.json” as a link/)
  })

  it('refuses a folder pack holding a link', async () => {
    const files = { 'config.json': Buffer.from('{}') }
    const folder = folderPack(files)
    symlinkSync(join(folder, 'config.json'), join(folder, 'link.json'))
    await expectRefused(folder, 'unsafe', /link\.json is a link/)
  })

  it('refuses what is not a pack', async () => {
    const notZip = join(tempDir(), 'notes.zip')
    writeFileSync(notZip, 'just some text, not a zip at all')
    await expectRefused(notZip, 'not-a-pack', /not a Holdfast model pack/)

    const noManifest = join(tempDir(), 'model.zip')
    writeFileSync(noManifest, zipSync({ 'config.json': Buffer.from('{}') }))
    await expectRefused(noManifest, 'not-a-pack', /no holdfast-model\.json/)

    const emptyFolder = tempDir()
    mkdirSync(join(emptyFolder, 'onnx'))
    await expectRefused(emptyFolder, 'not-a-pack', /no holdfast-model\.json/)

    const badJson = join(tempDir(), 'bad.zip')
    writeFileSync(badJson, zipSync({ [INSTALL_MANIFEST_FILE]: Buffer.from('{ not json') }))
    await expectRefused(badJson, 'not-a-pack', /not valid JSON/)

    await expectRefused(join(tempDir(), 'missing.zip'), 'io', /could not read the pack/)
  })

  it('refuses a manifest whose id or paths would land outside the model folder', async () => {
    const files = { 'config.json': Buffer.from('{}') }
    for (const id of ['../escape', '/abs/olute', '.staging', 'a/b/c', 'owner/..']) {
      await expectRefused(zipPack(files, { ...manifestOf(MODEL_ID, files), id }), 'unsafe', /a path outside its folder \(id: /)
    }
    const badPath = { ...manifestOf(MODEL_ID, files), files: [{ path: '../config.json', size: 2, sha256: sha256(files['config.json']) }] }
    await expectRefused(folderPack(files, badPath), 'unsafe', /a path outside its folder \(files\.0\.path: /)
    const noTask = { ...manifestOf(MODEL_ID, files), task: 'poetry' }
    await expectRefused(folderPack(files, noTask), 'not-a-pack', /not a model manifest \(task: /)
  })

  it('refuses paths that collide on a case-insensitive disk', async () => {
    const files = { 'Config.json': Buffer.from('{}'), 'config.json': Buffer.from('[]') }
    await expectRefused(folderPack(files), 'unsafe', /more than once/)
  })

  it('stops when cancelled and installs nothing', async () => {
    const files = sampleFiles()
    const controller = new AbortController()
    const modelsDir = tempDir()
    const importing = importModelPack({ modelsDir, source: zipPack(files), signal: controller.signal, onProgress: () => controller.abort() })
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' })
    expect(readdirSync(modelsDir)).toEqual(['.staging'])
    expect(readdirSync(join(modelsDir, '.staging'))).toEqual([])
  })
})
