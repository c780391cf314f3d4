import { unrecognised } from './importError'

/** Beginnings of binary files people mix up with text, to say what the file looks like instead. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (a Word .docx file is one)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Office 97–2003 file (such as a Word .doc)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' }
]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.byteLength && prefix.every((b, i) => bytes[i] === b)
}

/** What a binary file looks like, when its first bytes say so. */
export function binaryKind(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.what ?? null
}

/** True when the bytes decode as UTF-8 without NUL characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  try {
    return !new TextDecoder('utf-8', { fatal: true }).decode(bytes).includes('\u0000')
  } catch {
    return false
  }
}

/**
 * The text of a file that must be text: UTF-8 (with or without a byte order mark), or UTF-16
 * with a byte order mark (what Windows tools call "Unicode"). Anything else, or text holding
 * NUL characters, is refused with an error naming the file and what was expected.
 */
export function decodeText(fileName: string, bytes: Uint8Array, expected: string): string {
  const kind = binaryKind(bytes)
  if (kind) throw unrecognised(fileName, expected, `it looks like ${kind}, not text`)

  let text: string
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes)
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes)
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw unrecognised(fileName, expected, 'it is not UTF-8 text (it holds bytes that are not valid UTF-8; save it as UTF-8 and try again)')
  }
  if (text.includes('\u0000')) throw unrecognised(fileName, expected, 'it holds NUL bytes, so it is binary data, not text')
  return text
}
