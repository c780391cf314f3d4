import { useEffect, useRef, useState } from 'react'
import { blobHashOf } from '../../../../../shared/blobs/images'
import type { CoreClient } from '../../../../../shared/contracts'
import { describeError } from '../../../lib/rpcError'
import { Dialog } from '../../../ui/Dialog'

interface AltTextDialogProps {
  open: boolean
  client: CoreClient
  /** The selected image's address ("holdfast-blob:<hash>" for a stored image). */
  src: string
  initial: string
  onApply: (alt: string) => void
  onClose: () => void
}

/** Edits an image's alt text; "Describe image" asks the local captioning model for a first version. */
export function AltTextDialog({ open, ...props }: AltTextDialogProps) {
  return (
    <Dialog open={open} label="Alt text" onClose={props.onClose} className="alt-text-dialog">
      <AltTextForm {...props} />
    </Dialog>
  )
}

type Describing = { state: 'idle' } | { state: 'busy' } | { state: 'done'; modelId: string } | { state: 'failed'; message: string }

function AltTextForm({ client, src, initial, onApply, onClose }: Omit<AltTextDialogProps, 'open'>) {
  const [alt, setAlt] = useState(initial)
  const [describing, setDescribing] = useState<Describing>({ state: 'idle' })
  const running = useRef<AbortController | null>(null)
  const hash = blobHashOf(src)

  // Closing the dialog stops a caption still being written.
  useEffect(() => () => running.current?.abort(), [])

  const describe = async (): Promise<void> => {
    if (!hash) return
    const controller = new AbortController()
    running.current = controller
    setDescribing({ state: 'busy' })
    try {
      const { text, modelId } = await client.models.caption({ hash }, { signal: controller.signal })
      setAlt(text)
      setDescribing({ state: 'done', modelId })
    } catch (error) {
      if (!controller.signal.aborted) setDescribing({ state: 'failed', message: describeError(error) })
    } finally {
      if (running.current === controller) running.current = null
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onApply(alt.trim())
      }}
    >
      <label className="field">
        Alt text
        <textarea data-autofocus rows={3} value={alt} onChange={(e) => setAlt(e.target.value)} placeholder="What the image shows, for readers who cannot see it" />
      </label>
      {describing.state === 'busy' ? <p role="status">Describing the image with the local model…</p> : null}
      {describing.state === 'done' ? <p role="status">Written by the local model {describing.modelId}: check it and edit it before applying.</p> : null}
      {describing.state === 'failed' ? (
        <p role="alert" className="inline-error">
          {describing.message}
        </p>
      ) : null}
      {hash ? null : <p className="hint">Only images stored in the draft can be described.</p>}
      <div className="dialog-actions">
        <button type="button" className="alt-text-describe" disabled={!hash || describing.state === 'busy'} onClick={() => void describe()}>
          Describe image
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Apply
        </button>
      </div>
    </form>
  )
}
