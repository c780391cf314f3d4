import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where Electron's binary keeps its fuses: this marker, then the wire's version, length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/**
 * The fuse wire as Electron ships it ('1' on, '0' off): run as Node, cookie encryption,
 * NODE_OPTIONS, --inspect arguments, asar integrity, app only from asar, browser V8 snapshot,
 * file:// privileges.
 */
const STOCK_FUSES = '10110001'

/**
 * An unpacked Electron for Linux with nothing in it but what electron-builder reads, renames and
 * changes: Electron's binary cannot be downloaded here, and the check runs the packaged app's
 * files under Node, not Electron. Its `electron` carries a fuse wire like the real binary's, so
 * electron-builder flips the configured fuses in it; run, it says what it is.
 */
export async function writeStandInElectron(dir: string, electronVersion: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const executable = join(dir, 'electron')
  const script = '#!/bin/sh\necho "A stand-in for Electron, made by npm run package:check; it cannot run the app." >&2\nexit 1\n'
  const wire = Buffer.concat([Buffer.from(`# ${FUSE_SENTINEL}`), Buffer.from([1, STOCK_FUSES.length]), Buffer.from(`${STOCK_FUSES}\n`)])
  await writeFile(executable, Buffer.concat([Buffer.from(script), wire]))
  await chmod(executable, 0o755)
  await writeFile(join(dir, 'version'), electronVersion)
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron’s licence file.\n')
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>Stand-in for Chromium’s licence file.</p>\n')
  return dir
}
