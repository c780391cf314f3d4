import { useEffect, useRef, type ReactNode } from 'react'

interface DialogProps {
  open: boolean
  label: string
  onClose: () => void
  className?: string
  children: ReactNode
}

/**
 * A modal on the native <dialog> element: the browser traps focus, makes the page behind it
 * inert, closes it on Escape and returns focus to where it was.
 */
export function Dialog({ open, label, onClose, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // React's autoFocus ran while the dialog was still closed, and showModal() focuses the
      // dialog itself: move focus to the control that asked for it.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={className}
      onClose={(event) => {
        // React bubbles a nested dialog's close event up its tree: only this dialog's own counts.
        if (event.target === ref.current) onClose()
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onClose()
      }}
    >
      {open ? children : null}
    </dialog>
  )
}
