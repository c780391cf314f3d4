import type { CombinedHit, SemanticStatus, TextSegment } from '../../../../shared/contracts/search'
import './semantic.css'

function Highlighted({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  )
}

interface SearchResultsProps {
  hits: readonly CombinedHit[]
  semantic: SemanticStatus
  selectedId: string | null
  onSelect: (id: string) => void
}

/**
 * Matching drafts with their matches highlighted in the title and a snippet of the text; drafts
 * found only by meaning (the local embeddings model), with no words to highlight, say so.
 */
export function SearchResults({ hits, semantic, selectedId, onSelect }: SearchResultsProps) {
  const unavailable = semantic.state === 'unavailable' ? <p className="hint">Search by meaning: {semantic.message}</p> : null
  if (hits.length === 0) {
    return (
      <>
        <p className="empty-state">{semantic.state === 'unavailable' ? 'No draft contains those words.' : 'No draft matches those words or their meaning.'}</p>
        {unavailable}
      </>
    )
  }
  return (
    <>
      <ul className="draft-list" aria-label="Search results">
        {hits.map((hit) => (
          <li key={hit.docId}>
            <button
              type="button"
              className="draft-item"
              aria-current={hit.docId === selectedId ? 'true' : undefined}
              onClick={() => onSelect(hit.docId)}
            >
              <span className="draft-item-title">
                {hit.title.some((s) => s.text.trim()) ? <Highlighted segments={hit.title} /> : 'Untitled'}
              </span>
              <span className="draft-item-meta">
                {hit.matchedBy === 'meaning' ? <span className="match-tag">by meaning</span> : null}
                <Highlighted segments={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {unavailable}
    </>
  )
}
