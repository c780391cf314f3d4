import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { dump, load } from 'js-yaml'
import { z } from 'zod'

// tsx scripts/releaseAssets.ts <artifacts> <release>: the release workflow's last step before
// publishing. Each runner uploads its installers as one artifact folder; this copies them into one
// folder, and merges the update feeds that two runners wrote under one name: latest-mac.yml (arm64
// and x64 Macs) and latest.yml (Windows x64 and arm64). Uploaded one after the other, the second
// would replace the first, and electron-updater would offer one architecture's installer to both.

const UpdateFeed = z.looseObject({
  version: z.string(),
  files: z.array(z.looseObject({ url: z.string(), sha512: z.string() })).min(1)
})

const isUpdateFeed = (name: string): boolean => /^(latest|beta|alpha).*\.yml$/.test(name)

/**
 * One feed listing every file of the given feeds (electron-updater picks the one for its platform
 * and architecture by name). The other fields, path and sha512 among them, come from the first.
 */
export function mergeUpdateFeeds(texts: readonly string[]): string {
  const feeds = texts.map((text) => UpdateFeed.parse(load(text)))
  const [first] = feeds
  if (!first) throw new Error('No update feed to merge')
  const versions = new Set(feeds.map((feed) => feed.version))
  if (versions.size > 1) throw new Error(`The update feeds are for different versions: ${[...versions].join(', ')}`)
  const files = feeds.flatMap((feed) => feed.files)
  const urls = files.map((file) => file.url)
  const repeated = urls.filter((url, index) => urls.indexOf(url) !== index)
  if (repeated.length > 0) throw new Error(`Two feeds list the same file: ${repeated.join(', ')}`)
  return dump({ ...first, files }, { lineWidth: 8000, noRefs: true })
}

/** Gathers every artifact folder's files into releaseDir, one update feed per name. */
export async function gatherReleaseAssets(artifactsDir: string, releaseDir: string): Promise<string[]> {
  await mkdir(releaseDir, { recursive: true })
  const installers = new Map<string, string>()
  const feeds = new Map<string, string[]>()
  for (const artifact of (await readdir(artifactsDir)).sort()) {
    for (const name of await readdir(join(artifactsDir, artifact))) {
      const path = join(artifactsDir, artifact, name)
      if (isUpdateFeed(name)) feeds.set(name, [...(feeds.get(name) ?? []), await readFile(path, 'utf8')])
      else if (installers.has(name)) throw new Error(`Two artifacts hold ${name}: ${installers.get(name)} and ${path}`)
      else installers.set(name, path)
    }
  }
  for (const [name, path] of installers) await copyFile(path, join(releaseDir, name))
  for (const [name, texts] of feeds) {
    const merged = mergeUpdateFeeds(texts)
    // A feed naming a file that is not released would make every update fail to download.
    const missing = UpdateFeed.parse(load(merged)).files.filter((file) => !installers.has(file.url))
    if (missing.length > 0) throw new Error(`${name} lists files no artifact holds: ${missing.map((file) => file.url).join(', ')}`)
    await writeFile(join(releaseDir, name), merged)
  }
  return [...installers.keys(), ...feeds.keys()].sort()
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const [artifactsDir, releaseDir] = process.argv.slice(2)
  if (!artifactsDir || !releaseDir) throw new Error('Usage: tsx scripts/releaseAssets.ts <artifacts folder> <release folder>')
  for (const name of await gatherReleaseAssets(artifactsDir, releaseDir)) console.log(name)
}
