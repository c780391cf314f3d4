import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { BICUBIC, createICNS, createICO } from 'png2icons'
import sharp from 'sharp'

// npm run icons: draws resources/icon.svg as every icon the installers need, into resources/icons/
// (electron-builder.ts points mac.icon, win.icon and linux.icon there). Run it after changing the
// SVG and commit the result: test/unit/scripts/icons.test.ts fails while the two disagree.

const ROOT = resolve(import.meta.dirname, '..')
export const ICON_SVG = join(ROOT, 'resources/icon.svg')
export const ICONS_DIR = join(ROOT, 'resources/icons')

/** The 1024 px master: electron-builder's fallback icon, and the source of the .icns and .ico. */
export const MASTER_PNG = 'icon.png'
const MASTER_SIZE = 1024

/** The Linux set, png/<size>x<size>.png: electron-builder reads the sizes from the file names. */
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const
export const linuxPng = (size: number): string => `png/${size}x${size}.png`

async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  const { width } = await sharp(svg).metadata()
  // librsvg draws at the density asked for: every size comes from the vectors, none is a scaled-down bitmap.
  return sharp(svg, { density: (72 * size) / width })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer()
}

/** Draws the master and the Linux set into outDir. */
export async function renderPngs(outDir: string, svgPath = ICON_SVG): Promise<void> {
  const svg = await readFile(svgPath)
  await mkdir(join(outDir, 'png'), { recursive: true })
  await writeFile(join(outDir, MASTER_PNG), await renderPng(svg, MASTER_SIZE))
  for (const size of LINUX_SIZES) await writeFile(join(outDir, linuxPng(size)), await renderPng(svg, size))
}

/**
 * The macOS and Windows icon files, made by png2icons from the master alone (pure JavaScript, so the
 * same master gives the same bytes on every machine). The .ico holds 16 to 256 px, BMP below 64 px
 * for Windows' older file dialogs; the .icns holds 16 to 1024 px.
 */
export function iconContainers(master: Buffer): Record<'icon.icns' | 'icon.ico', Buffer> {
  const icns = createICNS(master, BICUBIC, 0)
  const ico = createICO(master, BICUBIC, 0, false, true)
  if (!icns || !ico) throw new Error('png2icons could not read the master icon (it needs a PNG)')
  return { 'icon.icns': icns, 'icon.ico': ico }
}

export async function renderIcons(outDir: string, svgPath = ICON_SVG): Promise<void> {
  await renderPngs(outDir, svgPath)
  const containers = iconContainers(await readFile(join(outDir, MASTER_PNG)))
  for (const [name, bytes] of Object.entries(containers)) await writeFile(join(outDir, name), bytes)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  await renderIcons(ICONS_DIR)
  console.log(`Icons written to ${ICONS_DIR}`)
}
