import type { Node as PMNode } from '@tiptap/pm/model'
import { blobHashOf } from '../../../../../shared/blobs/images'
import type { CoreClient } from '../../../../../shared/contracts'
import { DraftImage } from '../../../../../shared/editor/extensions'
import { onBlobArrived } from '../../../lib/sync/blobArrivals'
import { blobUrl } from './blobUrls'

/**
 * The draft schema's image node, shown in the editor: a "holdfast-blob:" reference is resolved
 * to the stored image through the core; the document keeps only the reference. An image not
 * stored here yet (a teammate's, still on its way) shows as missing until it arrives.
 */
export function createBlobImage(client: CoreClient) {
  return DraftImage.extend({
    addNodeView() {
      return ({ node }) => {
        const img = document.createElement('img')
        img.className = 'draft-image'
        let shown: string | null = null
        let stopWaiting = (): void => undefined
        const show = (current: PMNode): void => {
          const src = typeof current.attrs.src === 'string' ? current.attrs.src : ''
          img.alt = typeof current.attrs.alt === 'string' ? current.attrs.alt : ''
          if (src === shown) return
          shown = src
          stopWaiting()
          const hash = blobHashOf(src)
          if (!hash) {
            // Relative addresses from imports point at files Holdfast never loads.
            img.removeAttribute('src')
            img.dataset.missing = 'true'
            return
          }
          delete img.dataset.missing
          blobUrl(client, hash).then(
            (url) => {
              if (shown === src) img.src = url
            },
            () => {
              if (shown !== src) return
              img.dataset.missing = 'true'
              stopWaiting = onBlobArrived((arrived) => {
                if (arrived !== hash) return
                stopWaiting()
                shown = null
                show(current)
              })
            }
          )
        }
        show(node)
        return {
          dom: img,
          update: (updated) => {
            if (updated.type !== node.type) return false
            show(updated)
            return true
          },
          destroy: () => stopWaiting()
        }
      }
    }
  })
}
