import type { ReactNode } from 'react'
import { DialogHeader } from '../../ui/DialogHeader'

interface DesignStartFormProps {
  title: string
  onClose: () => void
  onCreate: () => void
  /** False keeps Create design disabled. */
  canCreate?: boolean
  children: ReactNode
}

/** The frame of a dialog that starts a design: its title and close button, the choices, then Cancel and Create design. */
export function DesignStartForm({ title, onClose, onCreate, canCreate = true, children }: DesignStartFormProps) {
  return (
    <form
      className="new-design-form"
      onSubmit={(event) => {
        event.preventDefault()
        onCreate()
      }}
    >
      <DialogHeader title={title} closeLabel="Close" onClose={onClose} />
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!canCreate} data-autofocus>
          Create design
        </button>
      </div>
    </form>
  )
}
