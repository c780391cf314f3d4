import { useState } from 'react'
import type { DraftSummary } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'
import { restoreFromTrash } from './draftActions'
import { DraftList } from './DraftList'

interface TrashSectionProps {
  /** The workspace index the documents are restored in. */
  index: DocSession
  items: readonly DraftSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
  /** The trash list's accessible name. */
  label: string
  emptyText: string
}

/** A "Trash (N)" toggle that shows the trashed documents, each with a Restore button. */
export function TrashSection({ index, items, selectedId, onSelect, label, emptyText }: TrashSectionProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Trash ({items.length})
      </button>
      {open ? (
        <DraftList
          drafts={items}
          selectedId={selectedId}
          onSelect={onSelect}
          label={label}
          emptyText={emptyText}
          action={{ label: 'Restore', run: (id) => restoreFromTrash(index, id) }}
        />
      ) : null}
    </>
  )
}
