import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { woffToSfnt } from './woffToSfnt'

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic'

const FILES: Record<FontStyle, string> = {
  regular: 'dejavu-sans-latin-400-normal.woff',
  bold: 'dejavu-sans-latin-700-normal.woff',
  italic: 'dejavu-sans-latin-400-italic.woff',
  boldItalic: 'dejavu-sans-latin-700-italic.woff'
}

let fonts: Record<FontStyle, Buffer> | undefined

/**
 * DejaVu Sans (the whole font, despite "latin" in the file names: Latin, Greek, Cyrillic and
 * many symbols; no CJK) from @fontsource/dejavu-sans, read and unpacked once. pdfkit embeds only
 * the glyphs a document uses.
 */
export function pdfFonts(): Record<FontStyle, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url)
    const read = (file: string): Buffer => woffToSfnt(readFileSync(require.resolve(`@fontsource/dejavu-sans/files/${file}`)))
    fonts = { regular: read(FILES.regular), bold: read(FILES.bold), italic: read(FILES.italic), boldItalic: read(FILES.boldItalic) }
  }
  return fonts
}
