import { useEffect, useState } from 'react'
import type { Layer } from '../../../../shared/design/types'
import { useCore } from '../../app/coreContext'
import { onBlobArrived } from '../../lib/sync/blobArrivals'
import { blobUrl } from '../drafts/images/blobUrls'

/** Loads an image element from a URL. */
export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('The image could not be decoded.'))
    image.src = url
  })
}

/**
 * The decoded images of a design's image layers, by blob hash. An image not stored here yet (a
 * teammate's, on its way) is missing from the map until it arrives.
 */
export function useLayerImages(layers: readonly Layer[]): ReadonlyMap<string, HTMLImageElement> {
  const { client } = useCore()
  const [images, setImages] = useState<ReadonlyMap<string, HTMLImageElement>>(new Map())
  const [arrivals, setArrivals] = useState(0)
  const hashes = [...new Set(layers.flatMap((layer) => (layer.type === 'image' ? [layer.blobHash] : [])))].sort().join(',')

  useEffect(() => {
    const stop = onBlobArrived(() => setArrivals((n) => n + 1))
    return () => {
      stop()
    }
  }, [])

  useEffect(() => {
    let cancelled = false
    const wanted = hashes ? hashes.split(',') : []
    void Promise.all(
      wanted.map((hash) =>
        blobUrl(client, hash)
          .then(loadImage)
          .then((image) => [hash, image] as const)
          .catch(() => null)
      )
    ).then((loaded) => {
      if (!cancelled) setImages(new Map(loaded.filter((entry) => entry !== null)))
    })
    return () => {
      cancelled = true
    }
  }, [client, hashes, arrivals])

  return images
}
