import { shownPeer, type ShownPeer } from '../sync/presence'

/** The awareness field where an app puts the ids of the design layers it has selected. */
export const DESIGN_SELECTION_FIELD = 'designSelection'

/** At most this many selected layer ids are read from a peer (a hostile peer may send millions). */
const MAX_SELECTED = 500

export interface PeerSelection extends ShownPeer {
  layerIds: string[]
}

/**
 * Teammates' selections in a design, from awareness states any peer can fill with anything: only
 * string ids of sane length are kept, and names and colours are cleaned as for cursors.
 */
export function peerSelections(states: ReadonlyMap<number, unknown>, ownClientId: number): PeerSelection[] {
  const selections: PeerSelection[] = []
  for (const [clientId, state] of states) {
    if (clientId === ownClientId || typeof state !== 'object' || state === null) continue
    const raw: unknown = (state as Record<string, unknown>)[DESIGN_SELECTION_FIELD]
    if (!Array.isArray(raw)) continue
    const layerIds = raw.slice(0, MAX_SELECTED).filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64)
    if (layerIds.length > 0) selections.push({ ...shownPeer(clientId, state), layerIds })
  }
  return selections
}
