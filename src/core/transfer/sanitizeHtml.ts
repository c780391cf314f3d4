import type { Document, Element } from 'happy-dom'
import { bytesOfDataUrl } from './dataUrl'
import type { DroppedContent } from './droppedContent'
import { imageSource, isSafeLink } from './safeUrls'

/** Elements that run code or embed other content: removed with everything inside, and reported. */
const ACTIVE = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'audio', 'video', 'svg', 'math', 'canvas']
/** Elements with nothing a draft can keep: removed quietly. */
const INERT = ['style', 'link', 'meta', 'base', 'template', 'input', 'select', 'textarea', 'button', 'head']

/** Stores an embedded image's bytes and returns the reference the draft keeps, or null if they are not an image. */
export type StoreImage = (bytes: Uint8Array) => string | null

/**
 * Cleans a parsed HTML document in place before the draft schema reads it. The schema parse is
 * itself an allowlist (only known elements and attributes survive); this pass also reports what
 * is dropped, stores embedded images as blobs (without `storeImage` they are dropped), removes images the draft may not keep, unlinks unsafe addresses and maps
 * headings below level 3 (the draft's deepest) to level 3.
 */
export function sanitizeHtml(document: Document, dropped: DroppedContent, storeImage?: StoreImage): void {
  const root = document.documentElement
  for (const element of [...root.querySelectorAll(ACTIVE.join(','))]) {
    if (!element.isConnected) continue
    dropped.add('active-content')
    element.remove()
  }
  for (const element of [...root.querySelectorAll(INERT.join(','))]) element.remove()

  for (const image of [...root.querySelectorAll('img')]) {
    const src = image.getAttribute('src') ?? ''
    const source = imageSource(src)
    if (source === 'relative') continue
    const bytes = source === 'embedded' ? bytesOfDataUrl(src) : null
    const ref = bytes && storeImage ? storeImage(bytes) : null
    if (ref) {
      image.setAttribute('src', ref)
      continue
    }
    dropped.add(source === 'embedded' ? 'embedded-image' : source === 'remote' ? 'remote-image' : 'other-image', src)
    const parent = image.parentElement
    image.remove()
    // A paragraph that held only the image would become an empty paragraph in the draft.
    if (parent?.localName === 'p' && !parent.textContent.trim() && parent.children.length === 0) parent.remove()
  }
  // An image alone in a paragraph is a block of its own (the draft's images are blocks), not a
  // paragraph split in two around it.
  for (const paragraph of [...root.querySelectorAll('p')]) {
    const images = [...paragraph.children].filter((child) => child.localName === 'img')
    const onlyImages = images.length > 0 && images.length === paragraph.children.length && !paragraph.textContent.trim()
    if (onlyImages) paragraph.replaceWith(...images)
  }

  for (const link of [...root.querySelectorAll('a[href]')]) {
    const href = link.getAttribute('href') ?? ''
    if (isSafeLink(href)) continue
    dropped.add('unsafe-link', href)
    link.removeAttribute('href')
  }

  for (const heading of [...root.querySelectorAll('h4, h5, h6')]) renameElement(document, heading, 'h3')
}

function renameElement(document: Document, element: Element, tagName: string): void {
  const replacement = document.createElement(tagName)
  while (element.firstChild) replacement.appendChild(element.firstChild)
  element.replaceWith(replacement)
}
