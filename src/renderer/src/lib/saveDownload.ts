/** How long a download's Blob URL stays valid: the browser has started reading it by then. */
const REVOKE_AFTER_MS = 60_000

/**
 * Hands a file to the browser as a download: a Blob URL and an <a download> click, which works
 * in the sandboxed renderer (Electron then asks where to save).
 */
export function saveDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
