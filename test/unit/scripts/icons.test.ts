import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ICONS_DIR, iconContainers, renderPngs } from '../../../scripts/icons'

// What electron-builder and the three desktops get from resources/icons/ (npm run icons writes it).

const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512]
const PNG_FILES = { 'icon.png': 1024, ...Object.fromEntries(LINUX_SIZES.map((size) => [`png/${size}x${size}.png`, size])) }
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// 16 and 32 px as PackBits RGB plus an 8-bit mask (what older macOS reads), the rest as PNG.
const ICNS_PNG_SIZES: Record<string, number> = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 }
const ICNS_TYPES = ['is32', 's8mk', 'il32', 'l8mk', ...Object.keys(ICNS_PNG_SIZES)]

const committed = (name: string): Promise<Buffer> => readFile(join(ICONS_DIR, name))

function icoEntries(ico: Buffer): { size: number; data: Buffer }[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)], 'ICONDIR: reserved 0, type 1 (icon)').toEqual([0, 1])
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index
    expect(ico[entry], 'width and height are equal').toBe(ico[entry + 1])
    const offset = ico.readUInt32LE(entry + 12)
    // A width byte of 0 means 256.
    return { size: ico[entry]! || 256, data: ico.subarray(offset, offset + ico.readUInt32LE(entry + 8)) }
  })
}

function icnsEntries(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4), 'the header holds the file length').toBe(icns.length)
  const entries = new Map<string, Buffer>()
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4)
    expect(length).toBeGreaterThan(8)
    entries.set(icns.toString('latin1', offset, offset + 4), icns.subarray(offset + 8, offset + length))
    offset += length
  }
  return entries
}

/**
 * The largest difference, over every pixel and channel, between two images of one size, with
 * colour weighted by alpha: a barely visible edge pixel may change hue without counting.
 */
function largestDifference(a: PNG, b: PNG): number {
  let largest = 0
  for (let index = 0; index < a.data.length; index += 4) {
    const [alphaA, alphaB] = [a.data[index + 3]!, b.data[index + 3]!]
    largest = Math.max(largest, Math.abs(alphaA - alphaB))
    for (let channel = 0; channel < 3; channel++) {
      const difference = (a.data[index + channel]! * alphaA - b.data[index + channel]! * alphaB) / 255
      largest = Math.max(largest, Math.abs(difference))
    }
  }
  return largest
}

describe('the installers’ icons (resources/icons)', () => {
  it.each(Object.entries(PNG_FILES))('%s is a PNG of the size its name says', async (name, size) => {
    const png = PNG.sync.read(await committed(name))
    expect([png.width, png.height]).toEqual([size, size])
  })

  it('icon.ico holds 16 to 256 px icons for Windows', async () => {
    const entries = icoEntries(await committed('icon.ico'))
    expect(entries.map((entry) => entry.size)).toEqual(expect.arrayContaining(ICO_SIZES))
    for (const { size, data } of entries.filter((entry) => entry.size >= 64)) {
      const png = PNG.sync.read(data)
      expect([png.width, png.height]).toEqual([size, size])
    }
  })

  it('icon.icns holds every macOS size from 16 to 1024 px', async () => {
    const entries = icnsEntries(await committed('icon.icns'))
    expect([...entries.keys()]).toEqual(expect.arrayContaining(ICNS_TYPES))
    for (const [type, size] of Object.entries(ICNS_PNG_SIZES)) {
      const png = PNG.sync.read(entries.get(type)!)
      expect([png.width, png.height], type).toEqual([size, size])
    }
    // The masks are 8-bit alpha, one byte a pixel.
    expect([entries.get('s8mk')!.length, entries.get('l8mk')!.length]).toEqual([16 * 16, 32 * 32])
  })

  describe('match resources/icon.svg (run `npm run icons` after changing it)', () => {
    let freshDir = ''
    beforeAll(async () => {
      freshDir = await mkdtemp(join(tmpdir(), 'holdfast-icons-'))
      await renderPngs(freshDir)
    })
    afterAll(() => rm(freshDir, { recursive: true, force: true }))

    // Not byte for byte: librsvg's anti-aliasing may differ by a shade between CPU architectures
    // (the CI runs on x64 and arm64). An edited SVG moves edges by far more; changing the blue by
    // 2 % (#1d4ed8 to #2050d0) already differs by 9.
    it.each(Object.keys(PNG_FILES))('%s is what the SVG draws now', async (name) => {
      const [fresh, current] = [PNG.sync.read(await readFile(join(freshDir, name))), PNG.sync.read(await committed(name))]
      expect([current.width, current.height]).toEqual([fresh.width, fresh.height])
      expect(largestDifference(fresh, current)).toBeLessThanOrEqual(4)
    })

    // png2icons is plain JavaScript: from the same master it writes the same bytes on every machine.
    it.each(['icon.icns', 'icon.ico'] as const)('%s is made from the committed icon.png', async (name) => {
      expect(iconContainers(await committed('icon.png'))[name].equals(await committed(name))).toBe(true)
    })
  })
})
