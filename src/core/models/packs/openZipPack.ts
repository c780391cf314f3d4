import { open, type FileHandle } from 'node:fs/promises'
import { INSTALL_MANIFEST_FILE } from '../installManifest'
import { notAPack, packFileMismatch, packFileMissing, unsafePack } from './modelPackError'
import { MAX_MANIFEST_BYTES, parsePackManifest, type PackFile } from './packManifest'
import { checkPackFiles, type PackSource } from './packSource'
import { readPackZipDirectory, type PackZipDirectory, type PackZipEntry } from './packZipDirectory'
import { zipEntryChunks } from './packZipEntry'

/**
 * A pack that is a zip. Its list of files is checked before anything is unpacked: every name a
 * plain relative path, no links, no duplicates, exactly the listed files, each claiming the size
 * the manifest gives it. Only the manifest is read into memory; model files are streamed.
 */
export async function openZipPack(path: string): Promise<PackSource> {
  const file = await open(path, 'r')
  try {
    const directory = await readPackZipDirectory(file, (await file.stat()).size)
    const byName = checkEntries(directory.entries)
    const manifestEntry = byName.get(INSTALL_MANIFEST_FILE)
    if (!manifestEntry) throw notAPack(`the zip has no ${INSTALL_MANIFEST_FILE} at its root`)
    if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw notAPack(`its ${INSTALL_MANIFEST_FILE} is far larger than a manifest`)
    const manifest = parsePackManifest(await readText(file, directory, manifestEntry))
    checkPackFiles(manifest, [...byName.keys()])
    for (const listed of manifest.files) {
      const entry = byName.get(listed.path)
      if (entry && entry.uncompressedSize !== listed.size) throw packFileMismatch(listed.path)
    }
    return {
      manifest,
      chunks: (listed: PackFile) => {
        const entry = byName.get(listed.path)
        if (!entry) throw packFileMissing(listed.path)
        return zipEntryChunks(file, directory, entry, listed.size)
      },
      close: () => file.close()
    }
  } catch (error) {
    await file.close()
    throw error
  }
}

/** The zip's files by name, folder entries left out, after refusing unsafe names, links and duplicates. */
function checkEntries(entries: readonly PackZipEntry[]): Map<string, PackZipEntry> {
  const byName = new Map<string, PackZipEntry>()
  const seen = new Set<string>()
  for (const entry of entries) {
    const problem = nameProblem(entry.name)
    if (problem) throw unsafePack(`the zip holds “${entry.name}”, which ${problem}`)
    if (entry.symlink) throw unsafePack(`the zip holds “${entry.name}” as a link, not a plain file`)
    const key = entry.name.normalize('NFC').toLowerCase()
    if (seen.has(key)) throw unsafePack(`the zip holds “${entry.name}” more than once`)
    seen.add(key)
    if (!entry.name.endsWith('/')) byName.set(entry.name, entry)
  }
  return byName
}

/** Why a name in the zip is not a plain relative path inside it, or null when it is. */
function nameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are never part of a model's file names.
  if (name === '' || /[\u0000-\u001f\u007f]/.test(name)) return 'is empty or has control characters'
  if (name.includes('\\')) return 'uses backslashes (folders, on Windows)'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path'
  const parts = (name.endsWith('/') ? name.slice(0, -1) : name).split('/')
  if (parts.includes('..')) return 'climbs out of the pack with “..”'
  if (parts.some((part) => part === '' || part === '.')) return 'has an empty or “.” folder name'
  return null
}

async function readText(file: FileHandle, directory: PackZipDirectory, entry: PackZipEntry): Promise<string> {
  const chunks: Uint8Array[] = []
  for await (const chunk of zipEntryChunks(file, directory, entry, entry.uncompressedSize)) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}
