/** The bytes of a base64 data: address (data:image/png;base64,…), or null for anything else. */
export function bytesOfDataUrl(src: string): Uint8Array | null {
  const match = /^\s*data:[^,;]*(?:;[^,;]*)*;base64,([A-Za-z0-9+/=\s]*)$/i.exec(src)
  if (!match?.[1]) return null
  const bytes = Buffer.from(match[1].replace(/\s+/g, ''), 'base64')
  return bytes.byteLength > 0 ? new Uint8Array(bytes) : null
}
