import { readdirSync, statSync } from 'node:fs'
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { ModelIdSchema } from '../inference/protocol'
import { modelFolder } from '../installedModels'

// A model downloads into <modelsDir>/.staging/<id>/ and stays there between attempts, so a paused
// or failed download resumes. The folder remembers which commit its bytes came from: appending
// bytes of another commit to a partial file would only end in a hash mismatch.

const STAGING_DIR = '.staging'
/** Inside the staging folder; removed before the folder is installed. */
export const STAGED_REVISION_FILE = '.holdfast-revision'

export function stagingFolder(modelsDir: string, id: string): string {
  return modelFolder(join(modelsDir, STAGING_DIR), id)
}

/** Creates the staging folder for `commit`, first emptying it when it holds another commit's files. */
export async function prepareStaging(modelsDir: string, id: string, commit: string): Promise<string> {
  const folder = stagingFolder(modelsDir, id)
  const marker = join(folder, STAGED_REVISION_FILE)
  const staged = await readFile(marker, 'utf8').catch(() => undefined)
  if (staged !== commit) {
    await rm(folder, { recursive: true, force: true })
    await mkdir(folder, { recursive: true })
    await writeFile(marker, commit)
  }
  return folder
}

/** Deletes a model's partial download, if any. */
export async function removeStaging(modelsDir: string, id: string): Promise<void> {
  const folder = stagingFolder(modelsDir, ModelIdSchema.parse(id))
  await rm(folder, { recursive: true, force: true })
  await removeEmptyParents(dirname(folder), modelsDir)
}

/** Bytes of a model's partial download kept in staging (0 when there is none). */
export function stagedBytes(modelsDir: string, id: string): number {
  return folderBytes(stagingFolder(modelsDir, id))
}

/** Removes `folder` and its parents while they are empty, stopping below `root`. */
export async function removeEmptyParents(folder: string, root: string): Promise<void> {
  for (let current = folder; isStrictlyInside(current, root); current = dirname(current)) {
    try {
      await rmdir(current)
    } catch {
      return // not empty, or already gone
    }
  }
}

function isStrictlyInside(folder: string, root: string): boolean {
  const path = relative(root, folder)
  return path !== '' && !path.startsWith('..') && !isAbsolute(path)
}

function folderBytes(folder: string): number {
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return 0
  }
  let total = 0
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) total += folderBytes(path)
    else if (entry.isFile() && entry.name !== STAGED_REVISION_FILE) total += statSync(path, { throwIfNoEntry: false })?.size ?? 0
  }
  return total
}
