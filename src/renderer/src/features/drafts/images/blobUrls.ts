import type { CoreClient } from '../../../../../shared/contracts'

/**
 * Object URLs for stored images, fetched once per hash and kept for the window's life (the same
 * image in several drafts or versions is one fetch and one URL).
 */
const urls = new Map<string, Promise<string>>()

export function blobUrl(client: CoreClient, hash: string): Promise<string> {
  let url = urls.get(hash)
  if (!url) {
    url = client.blobs.get({ hash }).then(({ mime, bytes }) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })))
    // A failed fetch is not cached: the next render tries again.
    url.catch(() => urls.delete(hash))
    urls.set(hash, url)
  }
  return url
}
