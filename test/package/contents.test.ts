import { listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { REPO_ROOT } from '../e2e/fixtures/headless'

// What the Linux x64 package holds, listed from its app.asar: the native binaries are unpacked
// beside the archive (Node cannot load them from inside it) and are this platform's only; nothing
// from the repository but the built app and its run-time dependencies goes in.

interface PackageEntry {
  path: string
  unpacked: boolean
}

const NATIVE_BINARY = /\.(node|dll|dylib)$|\.so(\.\d+)*$/

const { asarPath, appDir } = inject('packagedApp')
let files: PackageEntry[] = []

beforeAll(() => {
  files = listPackage(asarPath, { isPack: false })
    .map((path) => path.slice(1))
    .flatMap((path) => {
      const stat = statFile(asarPath, path, false)
      return 'files' in stat || 'link' in stat ? [] : [{ path, unpacked: stat.unpacked }]
    })
})

const packagePaths = (): string[] => files.map((file) => file.path)
const packageNames = (): Set<string> =>
  new Set(packagePaths().flatMap((path) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []))

describe('the packaged app (Linux x64)', () => {
  it('holds the built app: main, preload, core, workers and the window', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { main: string }
    expect(packagePaths()).toEqual(
      expect.arrayContaining([
        'package.json',
        manifest.main.replace(/^\.\//, ''),
        'out/main/core.js',
        'out/main/headless.js',
        'out/main/relay.js',
        'out/main/maintenance-worker.js',
        'out/main/archive-worker.js',
        'out/main/inference-worker.js',
        'out/preload/index.cjs',
        'out/renderer/index.html'
      ])
    )
  })

  it('unpacks every native binary beside app.asar, where the runtime can load it', () => {
    const binaries = files.filter((file) => NATIVE_BINARY.test(file.path))
    expect(binaries.length).toBeGreaterThan(0)
    expect(binaries.filter((file) => !file.unpacked).map((file) => file.path)).toEqual([])
    for (const { path } of binaries) {
      expect(statSync(join(`${asarPath}.unpacked`, path)).size, path).toBeGreaterThan(0)
    }
  })

  it('carries the native parts SQLite, local models and images need, for Linux x64 only', () => {
    const binaries = packagePaths().filter((path) => NATIVE_BINARY.test(path))
    expect(binaries).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/prebuilds/linux-x64.node',
        'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node'
      ])
    )
    expect(binaries.some((path) => path.startsWith('node_modules/@img/sharp-linux-x64/'))).toBe(true)
    expect(binaries.filter((path) => /darwin|win32|arm64|musl|\.dll$|\.dylib$/.test(path))).toEqual([])
  })

  it('leaves out tests, fixtures, sources, source maps and models', () => {
    const topLevel = new Set(packagePaths().map((path) => path.split('/')[0]))
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json'])
    expect(packagePaths().filter((path) => /\.map$|\.onnx$|(^|\/)(test|tests|__tests__|fixtures)\//.test(path))).toEqual([])
    expect(packagePaths().filter((path) => /\.(ts|mts|cts|tsx)$/.test(path))).toEqual([])
  })

  it('holds the run-time dependencies and none of the tools or the window’s bundled libraries', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const names = packageNames()
    // WebRTC for Node is the relay's, which runs from a source checkout.
    const relayOnly = ['@roamhq/wrtc']
    expect(Object.keys(manifest.dependencies).filter((name) => !names.has(name))).toEqual(relayOnly)
    const notWanted = ['electron', 'electron-builder', 'vite', 'vitest', '@playwright/test', 'typescript', 'react', 'react-dom', 'konva', 'onnxruntime-web', '@roamhq/wrtc']
    expect(notWanted.filter((name) => names.has(name))).toEqual([])
  })

  it('flips the executable’s fuses: no running as Node, no NODE_OPTIONS, the app only from a checked app.asar', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'holdfast'))
    // A fuse's byte is the character '1' when it is on.
    const on = (fuse: FuseV1Options): boolean => Number(wire[fuse]) === '1'.charCodeAt(0)
    expect({
      runAsNode: on(FuseV1Options.RunAsNode),
      nodeOptions: on(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      onlyFromAsar: on(FuseV1Options.OnlyLoadAppFromAsar),
      asarIntegrity: on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      cookieEncryption: on(FuseV1Options.EnableCookieEncryption),
      fileProtocolPrivileges: on(FuseV1Options.GrantFileProtocolExtraPrivileges)
    }).toEqual({ runAsNode: false, nodeOptions: false, onlyFromAsar: true, asarIntegrity: true, cookieEncryption: true, fileProtocolPrivileges: false })
  })

  it('has no data folder, models folder or Electron default app in its resources', () => {
    const resources = join(appDir, 'resources')
    expect(existsSync(join(resources, 'default_app.asar'))).toBe(false)
    expect(existsSync(join(resources, 'models'))).toBe(false)
  })
})
