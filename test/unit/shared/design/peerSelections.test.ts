import { describe, expect, it } from 'vitest'
import { DESIGN_SELECTION_FIELD, peerSelections } from '../../../../src/shared/design/peerSelections'
import { PEER_COLOURS } from '../../../../src/shared/sync/presence'

const state = (name: unknown, selection: unknown, color: unknown = PEER_COLOURS[2]) => ({ user: { name, color }, [DESIGN_SELECTION_FIELD]: selection })

describe('peerSelections', () => {
  it('lists each teammate’s selected layers with their name and colour, not this app’s own', () => {
    const states = new Map<number, unknown>([
      [1, state('Ana', ['layer-a'])],
      [2, state('Bea', ['layer-b', 'layer-c'])]
    ])
    expect(peerSelections(states, 1)).toEqual([{ clientId: 2, name: 'Bea', colour: 2, layerIds: ['layer-b', 'layer-c'] }])
  })

  it('skips teammates with nothing selected or no selection field (stock clients)', () => {
    const states = new Map<number, unknown>([
      [2, state('Bea', [])],
      [3, { user: { name: 'Stock', color: '#000000' } }],
      [4, null]
    ])
    expect(peerSelections(states, 1)).toEqual([])
  })

  it('keeps only sane ids from a hostile peer and cleans its name', () => {
    const hostile = ['ok', 42, { id: 'x' }, '', 'x'.repeat(65), ...Array.from({ length: 1000 }, (_, i) => `id-${i}`)]
    const [peer] = peerSelections(new Map([[9, state('Ev\u202eil\u0000 <b>', hostile, 'url(javascript:alert(1))')]]), 1)
    expect(peer?.name).toBe('Evil <b>')
    expect(peer?.colour).toBe(9 % PEER_COLOURS.length)
    expect(peer?.layerIds[0]).toBe('ok')
    expect(peer?.layerIds.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)).toBe(true)
    expect(peer?.layerIds.length).toBeLessThanOrEqual(500)
  })

  it('ignores a selection that is not a list', () => {
    expect(peerSelections(new Map([[2, state('Bea', 'layer-a')]]), 1)).toEqual([])
  })
})
