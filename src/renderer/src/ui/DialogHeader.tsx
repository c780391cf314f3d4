interface DialogHeaderProps {
  title: string
  /** The close button's accessible name. */
  closeLabel: string
  onClose: () => void
}

/** A dialog's title with a × button that closes it. */
export function DialogHeader({ title, closeLabel, onClose }: DialogHeaderProps) {
  return (
    <header className="dialog-header">
      <h2>{title}</h2>
      <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </header>
  )
}
