import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import { useCore } from '../../app/coreContext'
import { useGlobalShortcuts } from '../../app/useGlobalShortcuts'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { shortcutLabel } from '../../lib/shortcuts'
import { DesignFromDraft } from '../designs/DesignFromDraft'
import { ExportMenu } from '../transfer/ExportMenu'
import { ImportDraft } from '../transfer/ImportDraft'
import { createDraft, duplicateDraft, moveToTrash } from './draftActions'
import { DraftEditor } from './DraftEditor'
import { DraftList } from './DraftList'
import { useDraftLists } from './useWorkspace'
import { RelatedDrafts } from './RelatedDrafts'
import { SearchResults } from './SearchResults'
import { SessionStatus } from './SessionStatus'
import { TrashSection } from './TrashSection'
import { useDraftSearch } from './useDraftSearch'
import { useDraftSession } from './useDraftSession'
import { useSemanticStatus } from './useSemanticStatus'
import { InlineError } from '../../ui/InlineError'

interface DraftsViewProps {
  index: DocSession
  selectedId: string | null
  onSelect: (id: string | null) => void
  onWordCount: (words: number | null) => void
  onAssistTarget: (target: { editor: Editor; localOnly: boolean } | null) => void
  workspaceLocalOnly: boolean
  /** A design was made from the open draft: show it. */
  onDesignCreated: (designId: string) => void
}

export function DraftsView({ index, selectedId, onSelect, onWordCount, onAssistTarget, workspaceLocalOnly, onDesignCreated }: DraftsViewProps) {
  const { client } = useCore()
  const { active, trashed } = useDraftLists(index)
  const [filter, setFilter] = useState('')
  const [error, setError] = useState<string | null>(null)
  const draft = useDraftSession(selectedId)

  const run = (action: () => Promise<unknown>): void => {
    setError(null)
    action()
      .then((id) => {
        if (typeof id === 'string') onSelect(id)
      })
      .catch((e: unknown) => setError(describeError(e)))
  }
  const newDraft = (): void => run(() => createDraft(client, index))
  useGlobalShortcuts({ n: newDraft })

  const search = useDraftSearch(filter)
  const semantic = useSemanticStatus()
  // Search covers the stored documents; only drafts that are not in the trash are offered.
  const activeIds = new Set(active.map((d) => d.id))

  return (
    <div className="drafts-view">
      <section className="drafts-pane" aria-labelledby="drafts-heading">
        <div className="pane-header">
          <h1 id="drafts-heading">Drafts</h1>
          <button type="button" className="primary" onClick={newDraft} title={shortcutLabel('n')}>
            New draft
          </button>
        </div>
        <ImportDraft index={index} onImported={onSelect} />
        <input
          type="search"
          className="search-field"
          aria-label="Search drafts"
          placeholder="Search titles and text"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <InlineError message={error} />
        {search.phase === 'idle' ? (
          <DraftList
            drafts={active}
            selectedId={selectedId}
            onSelect={onSelect}
            label="Drafts"
            emptyText="No drafts yet. Start one with New draft."
          />
        ) : null}
        {search.phase === 'searching' ? <p role="status">Searching…</p> : null}
        {search.phase === 'done' ? (
          <SearchResults
            hits={search.hits.filter((hit) => activeIds.has(hit.docId))}
            semantic={search.semantic}
            selectedId={selectedId}
            onSelect={onSelect}
          />
        ) : null}
        {search.phase === 'failed' ? (
          <p role="alert" className="inline-error">
            Search failed: {search.message}
          </p>
        ) : null}
        <TrashSection index={index} items={trashed} selectedId={selectedId} onSelect={onSelect} label="Trash" emptyText="The trash is empty. Drafts stay here for 30 days." />
      </section>
      <div className="editor-pane">
        <SessionStatus state={draft} noun="draft" />
        {draft.phase === 'ready' ? (
          <>
            <div className="draft-actions">
              <ExportMenu index={index} draft={draft.session} />
              <DesignFromDraft index={index} draft={draft.session} onCreated={onDesignCreated} />
              <button type="button" onClick={() => run(() => duplicateDraft(client, index, draft.session.docId))}>
                Duplicate
              </button>
              <button
                type="button"
                onClick={() => {
                  moveToTrash(index, draft.session.docId)
                  onSelect(null)
                  onWordCount(null)
                }}
              >
                Move to trash
              </button>
            </div>
            <DraftEditor
              key={draft.session.docId}
              index={index}
              draft={draft.session}
              awareness={draft.awareness}
              onWordCount={onWordCount}
              onAssistTarget={onAssistTarget}
              workspaceLocalOnly={workspaceLocalOnly}
            />
            <RelatedDrafts docId={draft.session.docId} status={semantic} onSelect={onSelect} />
          </>
        ) : null}
      </div>
    </div>
  )
}
