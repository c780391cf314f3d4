import { useEffect, useRef, useState } from 'react'
import type { ImageLayer } from '../../../../shared/design/types'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

type Describing = { state: 'idle' } | { state: 'busy' } | { state: 'done'; modelId: string } | { state: 'failed'; message: string }

interface DescribeImageProps {
  layer: ImageLayer
  onSetAlt: (layerId: string, alt: string) => void
}

/** "Describe image": the local captioning model writes the image layer's alt text (as in drafts' Alt text dialog). */
export function DescribeImage({ layer, onSetAlt }: DescribeImageProps) {
  const { client } = useCore()
  const [describing, setDescribing] = useState<Describing>({ state: 'idle' })
  const running = useRef<AbortController | null>(null)

  // Deselecting the layer (or closing the design) stops a caption still being written.
  useEffect(() => () => running.current?.abort(), [])

  const describe = async (): Promise<void> => {
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setDescribing({ state: 'busy' })
    try {
      const { text, modelId } = await client.models.caption({ hash: layer.blobHash }, { signal: controller.signal })
      onSetAlt(layer.id, text)
      setDescribing({ state: 'done', modelId })
    } catch (error) {
      if (!controller.signal.aborted) setDescribing({ state: 'failed', message: describeError(error) })
    } finally {
      if (running.current === controller) running.current = null
    }
  }

  return (
    <div className="design-assist-image" aria-busy={describing.state === 'busy'}>
      <button type="button" disabled={describing.state === 'busy'} onClick={() => void describe()}>
        Describe image
      </button>
      {describing.state === 'busy' ? <p role="status">Describing the image with the local model…</p> : null}
      {describing.state === 'done' ? <p role="status">Written by the local model {describing.modelId}: check the alt text above and edit it if needed.</p> : null}
      {describing.state === 'failed' ? (
        <p role="alert" className="inline-error">
          {describing.message}
        </p>
      ) : null}
    </div>
  )
}
