import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import { ThemeSchema } from '../../../shared/contracts/settings'
import { StartupNotices } from '../features/notices/StartupNotices'
import { CommandPalette } from '../features/palette/CommandPalette'
import type { PaletteCommand } from '../features/palette/commands'
import { DesignsView } from '../features/designs/DesignsView'
import { TeamView } from '../features/team/TeamView'
import { DraftsView } from '../features/drafts/DraftsView'
import { useWorkspace } from '../features/drafts/useWorkspace'
import { WorkspaceMessage } from '../features/drafts/WorkspaceMessage'
import { SettingsDialog } from '../features/settings/SettingsDialog'
import { THEME_LABELS } from '../features/settings/theme'
import { useAppliedTheme } from '../features/settings/useAppliedTheme'
import { useSettings } from '../features/settings/useSettings'
import { shortcutLabel } from '../lib/shortcuts'
import { AssistantPanel } from '../features/assistant/AssistantPanel'
import { useCore } from './coreContext'
import { SECTIONS, type SectionId } from './sections'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'
import { useGlobalShortcuts } from './useGlobalShortcuts'

/** The window's layout: sidebar, main area, assistant panel and status bar. */
export function Shell() {
  const { status, sync } = useCore()
  const settings = useSettings()
  useAppliedTheme(settings.settings.theme)
  const displayName = settings.settings.displayName
  useEffect(() => sync.setName(displayName), [sync, displayName])
  const [section, setSection] = useState<SectionId>('drafts')
  const [assistantOpen, setAssistantOpen] = useState(true)
  const [paletteOpen, setPaletteOpen] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [selectedDraft, setSelectedDraft] = useState<string | null>(null)
  const [selectedDesign, setSelectedDesign] = useState<string | null>(null)
  const [wordCount, setWordCount] = useState<number | null>(null)
  const [assistTarget, setAssistTarget] = useState<{ editor: Editor; localOnly: boolean } | null>(null)
  const workspace = useWorkspace()

  useGlobalShortcuts({
    k: () => setPaletteOpen((open) => !open),
    ',': () => setSettingsOpen(true),
    ...Object.fromEntries(SECTIONS.map((s) => [s.key, () => setSection(s.id)]))
  })

  const commands = useMemo<PaletteCommand[]>(
    () => [
      ...SECTIONS.map((s) => ({
        id: `go-${s.id}`,
        title: `Go to ${s.label}`,
        group: 'Go to' as const,
        shortcut: shortcutLabel(s.key),
        run: () => setSection(s.id)
      })),
      ...ThemeSchema.options.map((theme) => ({
        id: `theme-${theme}`,
        title: `Theme: ${THEME_LABELS[theme]}`,
        group: 'Appearance' as const,
        keywords: ['appearance', 'colour', 'mode'],
        run: () => void settings.update({ theme })
      })),
      {
        id: 'settings',
        title: 'Open settings',
        group: 'View',
        keywords: ['preferences'],
        shortcut: shortcutLabel(','),
        run: () => setSettingsOpen(true)
      },
      {
        id: 'assistant',
        title: assistantOpen ? 'Hide assistant panel' : 'Show assistant panel',
        group: 'View',
        run: () => setAssistantOpen((open) => !open)
      }
    ],
    [settings, assistantOpen]
  )

  return (
    <div className={assistantOpen ? 'shell' : 'shell shell-no-assistant'}>
      <Sidebar
        section={section}
        onSection={setSection}
        onOpenSettings={() => setSettingsOpen(true)}
        onOpenPalette={() => setPaletteOpen(true)}
      />
      {/* Set here rather than by a CSS :has(), which made every change inside the main area (each drag move) recalculate its style. */}
      <main className={section !== 'team' && workspace.phase === 'ready' ? 'main-area main-area-flush' : 'main-area'}>
        <StartupNotices notices={status.notices} />
        {section === 'drafts' ? (
          workspace.phase === 'ready' ? (
            <DraftsView
              index={workspace.index}
              selectedId={selectedDraft}
              onSelect={setSelectedDraft}
              onWordCount={setWordCount}
              onAssistTarget={setAssistTarget}
              workspaceLocalOnly={settings.settings.aiLocalOnly}
              onDesignCreated={(id) => {
                setSelectedDesign(id)
                setSection('designs')
              }}
            />
          ) : (
            <WorkspaceMessage state={workspace} />
          )
        ) : section === 'team' ? (
          <TeamView />
        ) : workspace.phase === 'ready' ? (
          <DesignsView index={workspace.index} selectedId={selectedDesign} onSelect={setSelectedDesign} />
        ) : (
          <WorkspaceMessage state={workspace} />
        )}
      </main>
      {assistantOpen ? (
        <AssistantPanel
          editor={section === 'drafts' ? (assistTarget?.editor ?? null) : null}
          localOnly={assistTarget?.localOnly ?? settings.settings.aiLocalOnly}
          onClose={() => setAssistantOpen(false)}
        />
      ) : null}
      <StatusBar wordCount={section === 'drafts' && selectedDraft ? wordCount : null} />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} settings={settings} />
    </div>
  )
}
