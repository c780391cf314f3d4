import { describe, expect, it } from 'vitest'
import { resolveTheme } from '../../../../../src/renderer/src/features/settings/theme'

describe('resolveTheme', () => {
  it('follows the OS while the setting is System', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
  })

  it('keeps an explicit choice whatever the OS says', () => {
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })
})
