import { ThemeSchema } from '../../../../shared/contracts/settings'
import { Dialog } from '../../ui/Dialog'
import { AiProvidersPanel } from '../aiSettings/AiProvidersPanel'
import { WorkspaceArchivePanel } from '../archive/WorkspaceArchivePanel'
import { BackupsPanel } from '../backups/BackupsPanel'
import { ModelsPanel } from '../models/ModelsPanel'
import { UpdatesPanel } from '../updates/UpdatesPanel'
import { THEME_LABELS } from './theme'
import type { SettingsState } from './useSettings'
import { InlineError } from '../../ui/InlineError'

interface SettingsDialogProps {
  open: boolean
  onClose: () => void
  settings: SettingsState
}

export function SettingsDialog({ open, onClose, settings }: SettingsDialogProps) {
  const disabled = settings.unavailable !== null
  return (
    <Dialog open={open} label="Settings" onClose={onClose} className="settings-dialog">
      <header className="dialog-header">
        <h2>Settings</h2>
        <button type="button" className="icon-button" aria-label="Close settings" onClick={onClose}>
          ×
        </button>
      </header>
      <InlineError message={settings.unavailable} />
      <fieldset className="radio-group" disabled={disabled}>
        <legend>Theme</legend>
        {ThemeSchema.options.map((theme) => (
          <label key={theme}>
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.settings.theme === theme}
              onChange={() => void settings.update({ theme })}
            />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <p className="hint">System follows your computer&apos;s light or dark appearance.</p>
      <AiProvidersPanel open={open} settings={settings} />
      <ModelsPanel open={open} />
      <BackupsPanel />
      <WorkspaceArchivePanel />
      <UpdatesPanel open={open} />
    </Dialog>
  )
}
