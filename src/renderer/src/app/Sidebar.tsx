import { shortcutLabel } from '../lib/shortcuts'
import { SECTIONS, type SectionId } from './sections'

interface SidebarProps {
  section: SectionId
  onSection: (section: SectionId) => void
  onOpenSettings: () => void
  onOpenPalette: () => void
}

export function Sidebar({ section, onSection, onOpenSettings, onOpenPalette }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand" aria-hidden="true">
        Holdfast
      </div>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={section === s.id ? 'page' : undefined}
              title={shortcutLabel(s.key)}
              onClick={() => onSection(s.id)}
            >
              {s.label}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <button type="button" className="nav-item" onClick={onOpenPalette} title={shortcutLabel('k')}>
          Commands
        </button>
        <button type="button" className="nav-item" onClick={onOpenSettings} title={shortcutLabel(',')}>
          Settings
        </button>
      </div>
    </nav>
  )
}
