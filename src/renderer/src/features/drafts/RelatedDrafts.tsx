import type { SemanticStatus } from '../../../../shared/contracts/search'
import { useRelatedDrafts } from './useRelatedDrafts'
import './semantic.css'

interface RelatedDraftsProps {
  docId: string
  status: SemanticStatus | null
  onSelect: (id: string) => void
}

/** Drafts about the same things as the open one, found by meaning with the local embeddings model. */
export function RelatedDrafts({ docId, status, onSelect }: RelatedDraftsProps) {
  const related = useRelatedDrafts(docId, status)
  const semantic = related.phase === 'done' ? related.semantic : status
  return (
    <section className="related-drafts" aria-labelledby="related-drafts-heading">
      <h2 id="related-drafts-heading">Related drafts</h2>
      {semantic?.state === 'unavailable' ? <p className="hint">{semantic.message}</p> : null}
      {related.phase === 'failed' ? (
        <p role="alert" className="inline-error">
          Related drafts could not be found: {related.message}
        </p>
      ) : null}
      {related.phase === 'done' && related.drafts.length > 0 ? (
        <ul className="draft-list">
          {related.drafts.map((draft) => (
            <li key={draft.docId}>
              <button type="button" className="draft-item" onClick={() => onSelect(draft.docId)}>
                <span className="draft-item-title">{draft.title.trim() || 'Untitled'}</span>
                <span className="draft-item-meta">{draft.snippet}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {related.phase === 'done' && related.drafts.length === 0 && semantic?.state !== 'unavailable' ? (
        <p className="hint">{semantic?.state === 'indexing' ? `Finding related drafts: ${semantic.done} of ${semantic.total} drafts read…` : 'No related drafts yet.'}</p>
      ) : null}
    </section>
  )
}
