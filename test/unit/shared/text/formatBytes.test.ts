import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration } from '../../../../src/shared/text/formatBytes'

describe('formatBytes and formatDuration', () => {
  it('reads the way people read sizes and times', () => {
    expect(formatBytes(800 * 1024)).toBe('800 KB')
    expect(formatBytes(23.4 * 1024 * 1024)).toBe('23.4 MB')
    expect(formatBytes(812.4 * 1024 * 1024)).toBe('812 MB')
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.3 GB')
    expect(formatDuration(12.4)).toBe('12 s')
    expect(formatDuration(190)).toBe('3 min')
    expect(formatDuration(80 * 60)).toBe('1 h 20 min')
  })

  it('rounds the way it is asked: a size needed up, a size free down', () => {
    expect(formatBytes(100.01 * 1024 * 1024, Math.ceil)).toBe('101 MB')
    expect(formatBytes(100.99 * 1024 * 1024, Math.floor)).toBe('100 MB')
  })
})
