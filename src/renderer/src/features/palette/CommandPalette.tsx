import { Command } from 'cmdk'
import { Dialog } from '../../ui/Dialog'
import { groupCommands, type PaletteCommand } from './commands'

interface CommandPaletteProps {
  open: boolean
  onClose: () => void
  commands: readonly PaletteCommand[]
}

/** Cmd/Ctrl+K: every command, searchable, run with Enter. */
export function CommandPalette({ open, onClose, commands }: CommandPaletteProps) {
  return (
    <Dialog open={open} label="Command palette" onClose={onClose} className="palette">
      <Command label="Search commands" loop>
        <Command.Input data-autofocus placeholder="Type a command…" />
        <Command.List>
          <Command.Empty>No command matches.</Command.Empty>
          {groupCommands(commands).map(([group, items]) => (
            <Command.Group key={group} heading={group}>
              {items.map((command) => (
                <Command.Item
                  key={command.id}
                  value={command.title}
                  keywords={command.keywords}
                  onSelect={() => {
                    onClose()
                    command.run()
                  }}
                >
                  <span>{command.title}</span>
                  {command.shortcut ? <kbd>{command.shortcut}</kbd> : null}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Dialog>
  )
}
