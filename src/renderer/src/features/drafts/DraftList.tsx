import type { DraftSummary } from '../../../../shared/workspace/workspaceIndex'

interface DraftListProps {
  drafts: readonly DraftSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
  label: string
  emptyText: string
  action?: { label: string; run: (id: string) => void }
}

const edited = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function DraftList({ drafts, selectedId, onSelect, label, emptyText, action }: DraftListProps) {
  if (drafts.length === 0) return <p className="empty-state">{emptyText}</p>
  return (
    <ul className="draft-list" aria-label={label}>
      {drafts.map((draft) => (
        <li key={draft.id}>
          <button
            type="button"
            className="draft-item"
            aria-current={draft.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(draft.id)}
          >
            <span className="draft-item-title">{draft.title.trim() || 'Untitled'}</span>
            <span className="draft-item-meta">{edited.format(draft.editedAt)}</span>
          </button>
          {action ? (
            <button
              type="button"
              className="small"
              aria-label={`${action.label} ${draft.title.trim() || 'Untitled'}`}
              onClick={() => action.run(draft.id)}
            >
              {action.label}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
