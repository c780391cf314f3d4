import type { PeerSelection } from '../../../../shared/design/peerSelections'
import type { Layer } from '../../../../shared/design/types'

const KIND = { text: 'Text', image: 'Image', shape: 'Shape' } as const

interface LayerListProps {
  layers: readonly Layer[]
  selected: ReadonlySet<string>
  /** Teammates' selections, named on the layers they have selected. */
  peers: readonly PeerSelection[]
  onPick: (id: string, additive: boolean) => void
}

/** The layers, top of the stack first; a click selects (with Shift or Ctrl/Cmd: adds to the selection). */
export function LayerList({ layers, selected, peers, onPick }: LayerListProps) {
  return (
    <ul className="layer-list" aria-label="Layers">
      {[...layers].reverse().map((layer) => (
        <li key={layer.id}>
          <button
            type="button"
            className="layer-item"
            aria-pressed={selected.has(layer.id)}
            onClick={(event) => onPick(layer.id, event.shiftKey || event.metaKey || event.ctrlKey)}
          >
            <span className="layer-item-name">{layer.name || KIND[layer.type]}</span>
            <span className="layer-item-meta">
              {KIND[layer.type]}
              {layer.locked ? ' · locked' : ''}
              {layer.groupId ? ' · grouped' : ''}
            </span>
            {peers
              .filter((peer) => peer.layerIds.includes(layer.id))
              .map((peer) => (
                <span key={peer.clientId} className={`layer-item-peer peer-colour-${peer.colour}`}>
                  selected by {peer.name}
                </span>
              ))}
          </button>
        </li>
      ))}
    </ul>
  )
}
