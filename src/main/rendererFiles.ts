import { extname, join, normalize, sep } from 'node:path'

/**
 * Maps an app:// URL to a file inside the built renderer, or null when the path would leave
 * that folder. Paths without an extension get index.html (a single-page app).
 */
export function resolveRendererFile(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const relative = pathname === '/' || extname(pathname) === '' ? 'index.html' : pathname.slice(1)
  const file = normalize(join(root, relative))
  return file.startsWith(normalize(root) + sep) ? file : null
}
