import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { INSTALL_MANIFEST_FILE, type InstallManifest } from '../../../../../src/core/models/installManifest'
import { modelFolder } from '../../../../../src/core/models/installedModels'

export const MODEL_ID = 'holdfast-test/tiny-pack'

/** A small model: a config, a tokenizer, and weights of a few MB whose size is no multiple of any read size. */
export function sampleFiles(): Record<string, Uint8Array> {
  return {
    'config.json': Buffer.from('{"model_type":"llama"}\n'),
    'tokenizer.json': Buffer.from(JSON.stringify({ version: '1.0', vocab: ['a', 'b'] })),
    'onnx/model_q4.onnx': randomBytes(3 * 1024 * 1024 + 12_345)
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The manifest of these files, as an install writes it. */
export function manifestOf(id: string, files: Record<string, Uint8Array>, source: 'hub' | 'pack' = 'hub'): InstallManifest {
  return {
    format: 1,
    id,
    task: 'chat',
    files: Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.byteLength, sha256: sha256(bytes) })),
    installedAt: new Date('2026-01-02T03:04:05.000Z').toISOString(),
    source
  }
}

/** Writes the files and a manifest into `folder` (an installed model, or a hand-made folder pack). */
export function writeModelFolder(folder: string, files: Record<string, Uint8Array>, manifest: object): void {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true })
    writeFileSync(join(folder, path), bytes)
  }
  writeFileSync(join(folder, INSTALL_MANIFEST_FILE), JSON.stringify(manifest))
}

/** Installs a model as a download would, and returns its files. */
export function installModel(modelsDir: string, id = MODEL_ID, files = sampleFiles()): Record<string, Uint8Array> {
  writeModelFolder(modelFolder(modelsDir, id), files, manifestOf(id, files))
  return files
}

/** Every file below `folder` as "a/b" paths, sorted. */
export function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort()
}

export function readInstalled(modelsDir: string, id: string, path: string): Buffer {
  return readFileSync(join(modelFolder(modelsDir, id), path))
}
