import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'

interface LinkDialogProps {
  open: boolean
  initial: string
  onApply: (href: string | null) => void
  onClose: () => void
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i

/** Asks for a link address; only web and mail links are accepted. */
export function LinkDialog({ open, initial, onApply, onClose }: LinkDialogProps) {
  return (
    <Dialog open={open} label="Link" onClose={onClose} className="link-dialog">
      <LinkForm initial={initial} onApply={onApply} onClose={onClose} />
    </Dialog>
  )
}

function LinkForm({ initial, onApply, onClose }: Omit<LinkDialogProps, 'open'>) {
  const [href, setHref] = useState(initial)
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `https://${href}`
  const valid = href.trim() !== '' && SAFE_LINK.test(candidate)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        if (valid) onApply(candidate.trim())
      }}
    >
      <label className="field">
        Link address
        <input data-autofocus value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://example.com" />
      </label>
      {href && !valid ? <p className="inline-error">Only web (https://) and email (mailto:) links can be added.</p> : null}
      <div className="dialog-actions">
        {initial ? (
          <button type="button" onClick={() => onApply(null)}>
            Remove link
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!valid}>
          Apply
        </button>
      </div>
    </form>
  )
}
