import type { SearchHit, TextSegment } from '../../../../shared/contracts/search'

function Highlighted({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  )
}

interface SearchResultsProps {
  hits: readonly SearchHit[]
  selectedId: string | null
  onSelect: (id: string) => void
}

/** Matching drafts with their matches highlighted in the title and a snippet of the text. */
export function SearchResults({ hits, selectedId, onSelect }: SearchResultsProps) {
  if (hits.length === 0) return <p className="empty-state">No draft contains those words.</p>
  return (
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
              <Highlighted segments={hit.snippet} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
