import type { ImageLayer } from '../../../../shared/design/types'
import { useCore } from '../../app/coreContext'
import { altTextAuthor, useDescribeImage } from '../drafts/images/useDescribeImage'

interface DescribeImageProps {
  layer: ImageLayer
  onSetAlt: (layerId: string, alt: string) => void
}

/**
 * "Describe image": a cloud model that can see images (when one is set up and answers) or the local
 * captioning model writes the image layer's alt text, as in drafts' Alt text dialog. The workspace's
 * "Never send to cloud" is applied by the core.
 */
export function DescribeImage({ layer, onSetAlt }: DescribeImageProps) {
  const { client } = useCore()
  const { describing, describe } = useDescribeImage(client, (text) => onSetAlt(layer.id, text))

  return (
    <div className="design-assist-image" aria-busy={describing.state === 'busy'}>
      <button type="button" disabled={describing.state === 'busy'} onClick={() => describe(layer.blobHash, false)}>
        Describe image
      </button>
      {describing.state === 'busy' ? <p role="status">Describing the image…</p> : null}
      {describing.state === 'done' ? <p role="status">{altTextAuthor(describing.by)}: check the alt text above and edit it if needed.</p> : null}
      {describing.state === 'failed' ? (
        <p role="alert" className="inline-error">
          {describing.message}
        </p>
      ) : null}
    </div>
  )
}
