import { describe, expect, it } from 'vitest'
import { cannotRunNotice } from '../../../../../src/renderer/src/features/models/modelLabels'

describe('cannotRunNotice', () => {
  it('says that local models cannot run here, why, and what writing help uses instead', () => {
    expect(cannotRunNotice('ONNX Runtime has no build for macOS on Intel (darwin x64)')).toBe(
      'Local models cannot run on this computer: ONNX Runtime has no build for macOS on Intel (darwin x64). Writing help uses your cloud providers and the built-in rules.'
    )
  })
})
