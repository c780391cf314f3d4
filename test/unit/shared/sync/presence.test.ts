import { describe, expect, it } from 'vitest'
import { MAX_PEER_NAME, PEER_COLOURS, shownPeer } from '../../../../src/shared/sync/presence'

describe('shown peers', () => {
  it('keep a well-formed name and one of our colours', () => {
    expect(shownPeer(7, { user: { name: 'Ana', color: PEER_COLOURS[3] } })).toEqual({ clientId: 7, name: 'Ana', colour: 3 })
  })

  it('clean what a hostile peer sends: control and bidi characters, length, CSS in the colour, wrong types', () => {
    const long = 'x'.repeat(500)
    expect(shownPeer(1, { user: { name: '\u202eevil\u0000 name\n', color: 'red; background: url(x)' } })).toEqual({ clientId: 1, name: 'evil name', colour: 1 })
    expect(shownPeer(2, { user: { name: long } }).name).toHaveLength(MAX_PEER_NAME)
    expect(shownPeer(3, { user: { name: 42, color: 7 } })).toEqual({ clientId: 3, name: 'Teammate', colour: 3 })
    expect(shownPeer(9, null)).toEqual({ clientId: 9, name: 'Teammate', colour: 1 })
    expect(shownPeer(4, { user: '<img src=x onerror=alert(1)>' }).name).toBe('Teammate')
  })
})
