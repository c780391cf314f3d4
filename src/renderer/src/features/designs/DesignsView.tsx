import { useCallback, useState } from 'react'
import './designs.css'
import type * as Y from 'yjs'
import { activeDocuments, draftTitle, trashedDocuments, type DraftSummary } from '../../../../shared/workspace/workspaceIndex'
import { useCore } from '../../app/coreContext'
import { useGlobalShortcuts } from '../../app/useGlobalShortcuts'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { shortcutLabel } from '../../lib/shortcuts'
import { useDocSnapshot } from '../../lib/useDocSnapshot'
import { moveToTrash } from '../drafts/draftActions'
import { DraftList } from '../drafts/DraftList'
import { SessionStatus } from '../drafts/SessionStatus'
import { TrashSection } from '../drafts/TrashSection'
import { useDraftSession } from '../drafts/useDraftSession'
import { createDesign, duplicateDesign } from './designActions'
import { DesignPane } from './DesignPane'
import { NewDesignDialog } from './NewDesignDialog'
import { InlineError } from '../../ui/InlineError'

function designLists(doc: Y.Doc): { active: DraftSummary[]; trashed: DraftSummary[] } {
  return { active: activeDocuments(doc, 'design'), trashed: trashedDocuments(doc, 'design') }
}

interface DesignsViewProps {
  index: DocSession
  selectedId: string | null
  onSelect: (id: string | null) => void
}

/** The designs list (with trash) and the open design. */
export function DesignsView({ index, selectedId, onSelect }: DesignsViewProps) {
  const { client } = useCore()
  const { active, trashed } = useDocSnapshot(index.doc, designLists)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const opened = useDraftSession(selectedId, 'design')
  const title = useDocSnapshot(
    index.doc,
    useCallback((doc: Y.Doc) => (selectedId ? (draftTitle(doc, selectedId)?.toJSON() ?? '') : ''), [selectedId])
  )
  useGlobalShortcuts({ n: () => setCreating(true) })

  const run = (action: () => Promise<string>): void => {
    setError(null)
    action().then(onSelect, (e: unknown) => setError(describeError(e)))
  }

  return (
    <div className="drafts-view">
      <section className="drafts-pane" aria-labelledby="designs-heading">
        <div className="pane-header">
          <h1 id="designs-heading">Designs</h1>
          <button type="button" className="primary" onClick={() => setCreating(true)} title={shortcutLabel('n')}>
            New design
          </button>
        </div>
        <InlineError message={error} />
        <DraftList drafts={active} selectedId={selectedId} onSelect={onSelect} label="Designs" emptyText="No designs yet. Start one with New design." />
        <TrashSection index={index} items={trashed} selectedId={selectedId} onSelect={onSelect} label="Designs in the trash" emptyText="The trash is empty. Designs stay here for 30 days." />
      </section>
      <div className="editor-pane design-pane">
        <SessionStatus state={opened} noun="design" />
        {opened.phase === 'ready' ? (
          <DesignPane
            key={opened.session.docId}
            index={index}
            session={opened.session}
            awareness={opened.awareness}
            title={title}
            onDuplicate={() => run(() => duplicateDesign(client, index, opened.session.docId, title))}
            onTrash={() => {
              moveToTrash(index, opened.session.docId)
              onSelect(null)
            }}
          />
        ) : null}
      </div>
      <NewDesignDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(start) => {
          setCreating(false)
          run(() => createDesign(client, index, start.title, start.canvas, start.layers))
        }}
      />
    </div>
  )
}
