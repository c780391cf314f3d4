import { describe, expect, it, vi } from 'vitest'

vi.stubGlobal('navigator', { userAgent: 'test' })
const { isModKey, shortcutLabel } = await import('../../../../src/renderer/src/lib/shortcuts')

const key = (k: string, mods: Partial<{ metaKey: boolean; ctrlKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...mods
})

describe('isModKey', () => {
  it('uses Cmd on macOS and Ctrl elsewhere', () => {
    expect(isModKey(key('k', { metaKey: true }), 'k', true)).toBe(true)
    expect(isModKey(key('k', { ctrlKey: true }), 'k', true)).toBe(false)
    expect(isModKey(key('k', { ctrlKey: true }), 'k', false)).toBe(true)
    expect(isModKey(key('k', { metaKey: true }), 'k', false)).toBe(false)
  })

  it('ignores other modifiers and is case-insensitive', () => {
    expect(isModKey(key('K', { ctrlKey: true }), 'k', false)).toBe(true)
    expect(isModKey(key('k', { ctrlKey: true, shiftKey: true }), 'k', false)).toBe(false)
    expect(isModKey(key('k', { ctrlKey: true, altKey: true }), 'k', false)).toBe(false)
    expect(isModKey(key('j', { ctrlKey: true }), 'k', false)).toBe(false)
  })
})

describe('shortcutLabel', () => {
  it('writes shortcuts the way each platform does', () => {
    expect(shortcutLabel('k', true)).toBe('⌘K')
    expect(shortcutLabel('k', false)).toBe('Ctrl+K')
  })
})
