export interface PaletteCommand {
  id: string
  title: string
  group: 'Go to' | 'Appearance' | 'View'
  /** Extra words the search should match. */
  keywords?: string[]
  shortcut?: string
  run(): void
}

/** Commands shown together, in the order their groups first appear. */
export function groupCommands(commands: readonly PaletteCommand[]): [string, PaletteCommand[]][] {
  const groups = new Map<string, PaletteCommand[]>()
  for (const command of commands) {
    const group = groups.get(command.group) ?? []
    group.push(command)
    groups.set(command.group, group)
  }
  return [...groups]
}
