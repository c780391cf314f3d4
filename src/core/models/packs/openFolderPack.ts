import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { INSTALL_MANIFEST_FILE } from '../installManifest'
import { notAPack, unsafePack } from './modelPackError'
import { MAX_MANIFEST_BYTES, parsePackManifest } from './packManifest'
import { checkPackFiles, type PackSource } from './packSource'

const READ_BYTES = 1024 * 1024

/** A pack that is a folder: its manifest at the root, the model files at their paths below it. */
export async function openFolderPack(folder: string): Promise<PackSource> {
  const manifestPath = join(folder, INSTALL_MANIFEST_FILE)
  const manifestSize = await stat(manifestPath).then(
    (found) => (found.isFile() ? found.size : -1),
    () => -1
  )
  if (manifestSize < 0) throw notAPack(`the folder has no ${INSTALL_MANIFEST_FILE}`)
  if (manifestSize > MAX_MANIFEST_BYTES) throw notAPack(`its ${INSTALL_MANIFEST_FILE} is far larger than a manifest`)
  const manifest = parsePackManifest(await readFile(manifestPath, 'utf8'))
  checkPackFiles(manifest, await filesBelow(folder))
  return {
    manifest,
    chunks: (file) => createReadStream(join(folder, ...file.path.split('/')), { highWaterMark: READ_BYTES }),
    close: () => Promise.resolve()
  }
}

/** Every file below `folder`, as "a/b" paths; a link or anything else that is neither file nor folder is refused. */
async function filesBelow(folder: string, prefix = ''): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = prefix + entry.name
    if (entry.isDirectory()) files.push(...(await filesBelow(join(folder, entry.name), `${path}/`)))
    else if (entry.isFile()) files.push(path)
    else throw unsafePack(`${path} is a link or a special file, not a plain file`)
  }
  return files
}
