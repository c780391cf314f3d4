import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gatherReleaseAssets, mergeUpdateFeeds } from '../../../scripts/releaseAssets'

/** An update feed as electron-builder writes it for one runner's build (zip first, as it orders them). */
function feed(version: string, ...files: string[]): string {
  const entries = files.map((url) => `  - url: ${url}\n    sha512: sha-of-${url}\n    size: 100\n`).join('')
  return `version: ${version}\nfiles:\n${entries}path: ${files[0]}\nsha512: sha-of-${files[0]}\nreleaseDate: '2026-11-22T10:00:00.000Z'\n`
}

const macArm = ['Holdfast-0.1.0-mac-arm64.zip', 'Holdfast-0.1.0-mac-arm64.dmg']
const macIntel = ['Holdfast-0.1.0-mac-x64.zip', 'Holdfast-0.1.0-mac-x64.dmg']

describe('mergeUpdateFeeds', () => {
  it('lists both Macs’ files in one latest-mac.yml, keeping the first feed’s other fields', () => {
    const merged = load(mergeUpdateFeeds([feed('0.1.0', ...macArm), feed('0.1.0', ...macIntel)]))
    expect(merged).toEqual({
      version: '0.1.0',
      files: [...macArm, ...macIntel].map((url) => ({ url, sha512: `sha-of-${url}`, size: 100 })),
      path: macArm[0],
      sha512: `sha-of-${macArm[0]}`,
      releaseDate: '2026-11-22T10:00:00.000Z'
    })
  })

  it('refuses feeds of different versions, or two that list one file', () => {
    expect(() => mergeUpdateFeeds([feed('0.1.0', ...macArm), feed('0.2.0', ...macIntel)])).toThrow(/different versions: 0.1.0, 0.2.0/)
    expect(() => mergeUpdateFeeds([feed('0.1.0', ...macArm), feed('0.1.0', ...macArm)])).toThrow(/same file: Holdfast-0.1.0-mac-arm64.zip/)
  })
})

describe('gatherReleaseAssets', () => {
  let root = ''
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'holdfast-release-'))
  })
  afterEach(() => rm(root, { recursive: true, force: true }))

  async function artifact(name: string, files: Record<string, string>): Promise<void> {
    await mkdir(join(root, 'artifacts', name), { recursive: true })
    for (const [file, text] of Object.entries(files)) await writeFile(join(root, 'artifacts', name, file), text)
  }

  it('copies every installer and writes one feed per name', async () => {
    await artifact('installers-mac-arm64', { [macArm[0]!]: 'zip', [macArm[1]!]: 'dmg', 'latest-mac.yml': feed('0.1.0', ...macArm) })
    await artifact('installers-mac-x64', { [macIntel[0]!]: 'zip', [macIntel[1]!]: 'dmg', 'latest-mac.yml': feed('0.1.0', ...macIntel) })
    await artifact('installers-linux-arm64', {
      'Holdfast-0.1.0-linux-arm64.AppImage': 'appimage',
      'latest-linux-arm64.yml': feed('0.1.0', 'Holdfast-0.1.0-linux-arm64.AppImage')
    })

    const names = await gatherReleaseAssets(join(root, 'artifacts'), join(root, 'release'))

    const expected = [...macArm, ...macIntel, 'Holdfast-0.1.0-linux-arm64.AppImage', 'latest-linux-arm64.yml', 'latest-mac.yml'].sort()
    expect(names).toEqual(expected)
    expect((await readdir(join(root, 'release'))).sort()).toEqual(expected)
    expect(await readFile(join(root, 'release', macIntel[1]!), 'utf8')).toBe('dmg')
    const macFeed = load(await readFile(join(root, 'release', 'latest-mac.yml'), 'utf8')) as { files: { url: string }[] }
    expect(macFeed.files.map((file) => file.url)).toEqual([...macArm, ...macIntel])
  })

  it('refuses two artifacts holding a file of one name', async () => {
    await artifact('installers-win-arm64', { 'Holdfast-setup.exe': 'arm64' })
    await artifact('installers-win-x64', { 'Holdfast-setup.exe': 'x64' })
    await expect(gatherReleaseAssets(join(root, 'artifacts'), join(root, 'release'))).rejects.toThrow(/Two artifacts hold Holdfast-setup.exe/)
  })

  it('refuses a feed that names a file no artifact holds', async () => {
    await artifact('installers-win-x64', { 'latest.yml': feed('0.1.0', 'Holdfast-0.1.0-setup-x64.exe') })
    await expect(gatherReleaseAssets(join(root, 'artifacts'), join(root, 'release'))).rejects.toThrow(
      /latest.yml lists files no artifact holds: Holdfast-0.1.0-setup-x64.exe/
    )
  })
})
