/** Caret and avatar colours (readable on light and dark themes); styles.css has a class per index. */
export const PEER_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#e377c2', '#8c564b', '#17becf', '#bcbd22'] as const

export const MAX_PEER_NAME = 40

/** What this app puts in y-webrtc's awareness `user` field (stock y-webrtc/TipTap clients use the same shape). */
export interface PeerUser {
  name: string
  color: string
}

/** A teammate as shown: a name cleaned for display and one of PEER_COLOURS. */
export interface ShownPeer {
  clientId: number
  name: string
  colour: number
}

/**
 * Reads a peer's awareness state, which any peer can fill with anything: the name loses control
 * and formatting characters and is cut to length, and the colour is ours (the peer's own if it
 * is one of ours, otherwise one picked from its client id), never a CSS string from the peer.
 */
export function shownPeer(clientId: number, state: unknown): ShownPeer {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined
  const raw = typeof user === 'object' && user !== null ? (user as { name?: unknown; color?: unknown }) : {}
  const name = typeof raw.name === 'string' ? raw.name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, MAX_PEER_NAME) : ''
  const own = typeof raw.color === 'string' ? PEER_COLOURS.indexOf(raw.color.toLowerCase() as (typeof PEER_COLOURS)[number]) : -1
  return { clientId, name: name || 'Teammate', colour: own >= 0 ? own : clientId % PEER_COLOURS.length }
}
