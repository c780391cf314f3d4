import { describe, expect, it } from 'vitest'
import { onnxRuntimeUnavailable } from '../../../../../src/core/models/inference/onnxRuntime'

describe('onnxRuntimeUnavailable', () => {
  it('finds the builds onnxruntime-node ships, without loading them', () => {
    expect(onnxRuntimeUnavailable({ platform: 'linux', arch: 'x64' })).toBeUndefined()
    expect(onnxRuntimeUnavailable({ platform: 'darwin', arch: 'arm64' })).toBeUndefined()
    expect(onnxRuntimeUnavailable({ platform: 'win32', arch: 'x64' })).toBeUndefined()
  })

  it('names the system it has no build for', () => {
    // onnxruntime-node 1.30 ships no build for Intel Macs.
    expect(onnxRuntimeUnavailable({ platform: 'darwin', arch: 'x64' })).toBe('ONNX Runtime has no build for macOS on Intel (darwin x64)')
    expect(onnxRuntimeUnavailable({ platform: 'linux', arch: 'ppc64' })).toBe('ONNX Runtime has no build for Linux on ppc64 (linux ppc64)')
    expect(onnxRuntimeUnavailable({ platform: 'freebsd', arch: 'x64' })).toBe('ONNX Runtime has no build for freebsd on x64 (freebsd x64)')
  })
})
