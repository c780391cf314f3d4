/**
 * Which addresses an imported draft may keep. Links: web, mail and phone addresses, and
 * relative ones (anchors, other files beside the document). Images: embedded (data:) images are
 * stored as blobs; relative addresses are kept as a reference and never fetched; remote images
 * are dropped (an import never goes on the network).
 */

export type ImageSource = 'relative' | 'embedded' | 'remote' | 'other'

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/** The scheme of an address the way a browser reads it (whitespace and control characters ignored), or null. */
export function schemeOf(url: string): string | null {
  // Browsers drop tabs and newlines anywhere in a URL and leading spaces/control characters,
  // so "java\tscript:" is a javascript: URL.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)
  return match?.[1] ? match[1].toLowerCase() : null
}

export function isSafeLink(href: string): boolean {
  const scheme = schemeOf(href)
  return scheme === null || LINK_SCHEMES.has(scheme)
}

export function imageSource(src: string): ImageSource {
  const trimmed = src.trim()
  const scheme = schemeOf(trimmed)
  if (scheme === 'data' || scheme === 'blob') return 'embedded'
  if (scheme === 'http' || scheme === 'https' || /^[\\/]{2}/.test(trimmed)) return 'remote'
  if (scheme !== null || trimmed === '') return 'other'
  return 'relative'
}

/** A short form of an address for a message: at most `max` characters. */
export function shortUrl(url: string, max = 80): string {
  const oneLine = url.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}
