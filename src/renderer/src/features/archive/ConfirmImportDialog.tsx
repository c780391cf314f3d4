import { Dialog } from '../../ui/Dialog'

interface ConfirmImportDialogProps {
  /** The archive chosen; the dialog is open while there is one. */
  fileName: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before an archive replaces the workspace, saying that the current one is kept. */
export function ConfirmImportDialog({ fileName, onConfirm, onCancel }: ConfirmImportDialogProps) {
  return (
    <Dialog open={fileName !== null} label="Replace the workspace?" onClose={onCancel} className="confirm-dialog">
      <h2>Replace the workspace?</h2>
      <p>
        This replaces the workspace with the one in “{fileName}”: every draft, its history, the trash and the settings. Your
        current workspace is backed up first and kept, so you can restore it from Backups.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          Replace workspace
        </button>
      </div>
    </Dialog>
  )
}
