import type { WebrtcProvider } from 'y-webrtc'
import { decodeBlobMessage, isBlobMessage } from '../../../../shared/sync/blobMessages'
import { isSyncStep2, peerMessageProblem } from '../../../../shared/sync/peerMessages'
import { splitPeerMessage } from '../../../../shared/sync/splitPeerMessage'
import type { BlobExchange } from './blobExchange'
import { receiveOnEveryChannel } from './glareChannels'

type DataListener = (data: Uint8Array) => void
interface GuardedPeer {
  listeners(event: 'data'): DataListener[]
  removeAllListeners(event: 'data'): void
  on(event: 'data', listener: DataListener): void
  on(event: 'connect', listener: () => void): void
  send(data: Uint8Array): void
}

/**
 * Puts a check in front of y-webrtc for every peer connection of the provider: each message is
 * checked whole before y-webrtc reads it (peerMessages.ts), and a peer that sends something
 * malformed is disconnected and reported, its message never reaching the document. Going out,
 * document state too large for one data channel message is sent as several (splitPeerMessage.ts).
 * Image messages go to the blob exchange instead of y-webrtc. `onSynced` hears when a peer's
 * connection has caught up (its sync step 2 read).
 */
export function guardPeers(provider: WebrtcProvider, onRefused: (reason: string) => void, blobs?: BlobExchange, onSynced?: () => void): void {
  const guarded = new WeakSet<object>()
  /** The message y-webrtc is reading now, and from whom. */
  let reading: { peer: GuardedPeer; data: Uint8Array } | null = null
  provider.on('peers', () => {
    // y-webrtc has just made the connection (and its data listener); no data can have arrived yet.
    for (const conn of provider.room?.webrtcConns.values() ?? []) {
      if (guarded.has(conn)) continue
      guarded.add(conn)
      const peer = conn.peer as GuardedPeer
      receiveOnEveryChannel(conn.peer as Parameters<typeof receiveOnEveryChannel>[0])
      const readers = peer.listeners('data')
      peer.removeAllListeners('data')
      peer.on('data', (data) => {
        const problem = peerMessageProblem(data)
        if (problem === null) {
          if (isBlobMessage(data)) blobs?.receive(decodeBlobMessage(data), peer)
          else {
            reading = { peer, data }
            try {
              for (const read of readers) read.call(peer, data)
            } finally {
              reading = null
            }
          }
          // y-webrtc marks a connection synced on the peer's sync step 2 only while its room as a
          // whole is not synced, so a teammate who connects after the room last settled stays
          // "syncing" for good (and the catch-up waits on it forever). Marked here instead.
          if (isSyncStep2(data)) {
            conn.synced = true
            onSynced?.()
          }
          return
        }
        onRefused(problem)
        conn.destroy()
      })
      const send = peer.send.bind(peer)
      peer.send = (data) => {
        // y-webrtc passes every update it applies on to every peer, the one it came from too: that
        // copy, byte for byte what the peer is sending, would only cost both sides work.
        if (reading?.peer === peer && sameBytes(reading.data, data)) return
        for (const part of splitPeerMessage(data)) send(part)
      }
      if (blobs) peer.on('connect', () => blobs.peerConnected(peer))
    }
  })
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i])
}
