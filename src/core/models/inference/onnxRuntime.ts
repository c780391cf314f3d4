import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The operating system and processor, as Node names them. */
interface SystemKind {
  platform: NodeJS.Platform
  arch: NodeJS.Architecture
}

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', linux: 'Linux', win32: 'Windows' }

/**
 * Why ONNX Runtime (onnxruntime-node, which transformers.js runs models on) cannot run on this
 * computer, or undefined when it can. It only looks for the native binding, never loads it: its
 * npm package has no build for some systems (macOS on Intel), and loading it there throws.
 */
export function onnxRuntimeUnavailable(system: SystemKind = process): string | undefined {
  let packageFile: string
  try {
    packageFile = createRequire(import.meta.url).resolve('onnxruntime-node/package.json')
  } catch {
    return 'ONNX Runtime (onnxruntime-node) is not part of this copy of Holdfast'
  }
  // The file onnxruntime-node's dist/binding.js requires.
  const binding = join(dirname(packageFile), 'bin', 'napi-v6', system.platform, system.arch, 'onnxruntime_binding.node')
  if (existsSync(binding)) return undefined
  return `ONNX Runtime has no build for ${systemName(system)} (${system.platform} ${system.arch})`
}

/** "macOS on Intel", "Linux on ppc64". */
function systemName({ platform, arch }: SystemKind): string {
  const os = OS_NAMES[platform] ?? platform
  return `${os} on ${platform === 'darwin' && arch === 'x64' ? 'Intel' : arch}`
}
