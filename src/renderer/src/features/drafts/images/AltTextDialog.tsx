import { useState } from 'react'
import { blobHashOf } from '../../../../../shared/blobs/images'
import type { CoreClient } from '../../../../../shared/contracts'
import { Dialog } from '../../../ui/Dialog'
import { altTextAuthor, useDescribeImage } from './useDescribeImage'

interface AltTextDialogProps {
  open: boolean
  client: CoreClient
  /** The selected image's address ("holdfast-blob:<hash>" for a stored image). */
  src: string
  initial: string
  /** The draft's "Never send to cloud" (or the workspace's): only the local captioning model may see the image. */
  localOnly: boolean
  onApply: (alt: string) => void
  onClose: () => void
}

/**
 * Edits an image's alt text; "Describe image" asks for a first version: a cloud model that can see
 * images when one is set up, answers and the draft may go to the cloud, else the local captioning model.
 */
export function AltTextDialog({ open, ...props }: AltTextDialogProps) {
  return (
    <Dialog open={open} label="Alt text" onClose={props.onClose} className="alt-text-dialog">
      <AltTextForm {...props} />
    </Dialog>
  )
}

function AltTextForm({ client, src, initial, localOnly, onApply, onClose }: Omit<AltTextDialogProps, 'open'>) {
  const [alt, setAlt] = useState(initial)
  const { describing, describe } = useDescribeImage(client, setAlt)
  const hash = blobHashOf(src)

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
      {describing.state === 'busy' ? <p role="status">Describing the image…</p> : null}
      {describing.state === 'done' ? <p role="status">{altTextAuthor(describing.by)}: check it and edit it before applying.</p> : null}
      {describing.state === 'failed' ? (
        <p role="alert" className="inline-error">
          {describing.message}
        </p>
      ) : null}
      {hash ? null : <p className="hint">Only images stored in the draft can be described.</p>}
      <div className="dialog-actions">
        <button type="button" className="alt-text-describe" disabled={!hash || describing.state === 'busy'} onClick={() => hash && describe(hash, localOnly)}>
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
