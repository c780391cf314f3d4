import { extractAll } from '@electron/asar'
import { Arch, build, Platform } from 'electron-builder'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { REPO_ROOT } from '../e2e/fixtures/headless'
import { writeStandInElectron } from './standInElectron'

export interface PackagedApp {
  /** The unpacked Linux app as electron-builder left it (`linux-unpacked`). */
  appDir: string
  /** Its resources/app.asar, and the folder beside it with what is unpacked from it. */
  asarPath: string
  /** app.asar extracted, with its unpacked files copied in: the packaged files, runnable by Node. */
  extractedDir: string
}

/**
 * Packages the built app (out/) for Linux x64 into a directory with the project's own
 * electron-builder configuration, as `npm run package` would, but on a stand-in Electron.
 */
export async function packageLinuxApp(workDir: string): Promise<PackagedApp> {
  const electronVersion = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  const electronDist = await writeStandInElectron(join(workDir, 'electron'), electronVersion.version)
  await build({
    projectDir: REPO_ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { electronDist, directories: { output: join(workDir, 'dist') } }
  })
  const appDir = join(workDir, 'dist/linux-unpacked')
  const asarPath = join(appDir, 'resources/app.asar')
  const extractedDir = join(workDir, 'extracted')
  extractAll(asarPath, extractedDir)
  return { appDir, asarPath, extractedDir }
}
