import type { PresentPeer } from '../../lib/sync/teamSync'

function seen(secondsAgo: number): string {
  return secondsAgo < 5 ? 'now' : `${secondsAgo} s ago`
}

/** Teammates by name and colour; with `withLastSeen`, when each was last heard from. */
export function PresenceList({ peers, label, withLastSeen = false }: { peers: PresentPeer[]; label: string; withLastSeen?: boolean }) {
  if (peers.length === 0) return null
  return (
    <ul className="presence-list" aria-label={label}>
      {peers.map((peer) => (
        <li key={peer.clientId}>
          <span className={`presence-dot peer-colour-${peer.colour}`} aria-hidden="true" />
          {peer.name}
          {withLastSeen ? <span className="hint"> · seen {seen(peer.secondsAgo)}</span> : null}
        </li>
      ))}
    </ul>
  )
}
