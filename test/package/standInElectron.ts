import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * An unpacked Electron for Linux with nothing in it but what electron-builder reads and renames:
 * Electron's binary cannot be downloaded here, and the check runs the packaged app's files under
 * Node, not Electron. The `electron` in it says what it is if anyone runs it.
 */
export async function writeStandInElectron(dir: string, electronVersion: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const executable = join(dir, 'electron')
  await writeFile(executable, '#!/bin/sh\necho "A stand-in for Electron, made by npm run package:check; it cannot run the app." >&2\nexit 1\n')
  await chmod(executable, 0o755)
  await writeFile(join(dir, 'version'), electronVersion)
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron’s licence file.\n')
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>Stand-in for Chromium’s licence file.</p>\n')
  return dir
}
