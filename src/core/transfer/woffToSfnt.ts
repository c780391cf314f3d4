import { inflateSync } from 'node:zlib'

const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'

/**
 * Unpacks a WOFF 1.0 font into the TrueType/OpenType font it wraps, with Node's zlib. pdfkit can
 * read WOFF itself, but inflates every table in JavaScript on every document (about 1.5 s for
 * DejaVu Sans); unpacked once, a PDF takes milliseconds.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength)
  if (input.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF font')
  const flavor = input.readUInt32BE(4)
  const numTables = input.readUInt16BE(12)

  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20
    const offset = input.readUInt32BE(at + 4)
    const compLength = input.readUInt32BE(at + 8)
    const origLength = input.readUInt32BE(at + 12)
    const raw = input.subarray(offset, offset + compLength)
    const data = compLength < origLength ? inflateSync(raw) : raw
    if (data.byteLength !== origLength) throw new Error('damaged WOFF table')
    return { tag: input.readUInt32BE(at), checksum: input.readUInt32BE(at + 16), data }
  })

  const entrySelector = Math.floor(Math.log2(numTables))
  const searchRange = 2 ** entrySelector * 16
  const header = Buffer.alloc(12 + numTables * 16)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(numTables, 4)
  header.writeUInt16BE(searchRange, 6)
  header.writeUInt16BE(entrySelector, 8)
  header.writeUInt16BE(numTables * 16 - searchRange, 10)

  const parts: Buffer[] = [header]
  let offset = header.byteLength
  tables.forEach((table, i) => {
    const at = 12 + i * 16
    header.writeUInt32BE(table.tag, at)
    header.writeUInt32BE(table.checksum, at + 4)
    header.writeUInt32BE(offset, at + 8)
    header.writeUInt32BE(table.data.byteLength, at + 12)
    const padded = Buffer.alloc((table.data.byteLength + 3) & ~3)
    table.data.copy(padded)
    parts.push(padded)
    offset += padded.byteLength
  })
  return Buffer.concat(parts)
}
