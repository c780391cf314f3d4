import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { DESIGN_SELECTION_FIELD, peerSelections, type PeerSelection } from '../../../../shared/design/peerSelections'

/**
 * Publishes this window's selected layers to teammates in the design, and returns theirs (kept
 * current as their selections change).
 */
export function usePeerSelections(awareness: Awareness, selected: readonly string[]): PeerSelection[] {
  const [selections, setSelections] = useState<PeerSelection[]>([])
  const key = selected.join(',')

  useEffect(() => {
    awareness.setLocalStateField(DESIGN_SELECTION_FIELD, key ? key.split(',') : [])
  }, [awareness, key])

  useEffect(() => {
    const refresh = (): void => setSelections(peerSelections(awareness.getStates(), awareness.clientID))
    refresh()
    awareness.on('change', refresh)
    return () => {
      awareness.off('change', refresh)
      awareness.setLocalStateField(DESIGN_SELECTION_FIELD, [])
    }
  }, [awareness])

  return selections
}
