import { DialogHeader } from '../../ui/DialogHeader'
import type { Versions } from './useVersions'
import { VersionNameForm } from './VersionNameForm'
import { InlineError } from '../../ui/InlineError'

interface HistoryHeaderProps {
  title: string
  closeLabel: string
  onClose: () => void
  /** An example version name for the name field. */
  placeholder: string
  history: Versions
}

/** The top of a history dialog: its title and close button, the form to name a version, and the last error. */
export function HistoryHeader({ title, closeLabel, onClose, placeholder, history }: HistoryHeaderProps) {
  return (
    <>
      <DialogHeader title={title} closeLabel={closeLabel} onClose={onClose} />
      <VersionNameForm placeholder={placeholder} busy={history.busy} onSave={history.saveVersion} />
      <InlineError message={history.error} />
    </>
  )
}
