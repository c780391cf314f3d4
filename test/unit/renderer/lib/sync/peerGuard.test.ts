import { EventEmitter } from 'node:events'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it, vi } from 'vitest'
import type { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { guardPeers } from '../../../../../src/renderer/src/lib/sync/peerGuard'

/** A provider with one connection whose data listener stands for y-webrtc's reader. */
function providerWithConnection() {
  const provider = new EventEmitter()
  const peer = new EventEmitter()
  const read = vi.fn()
  peer.on('data', read)
  const sent: Uint8Array[] = []
  Object.assign(peer, { send: (data: Uint8Array) => sent.push(data) })
  const conn = { peer, destroy: vi.fn(), synced: false }
  Object.assign(provider, { room: { webrtcConns: new Map([['remote', conn]]) } })
  return { provider, peer, conn, read, sent }
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('peer guard', () => {
  it('passes a valid update on to y-webrtc, and disconnects and reports a peer whose update is broken', () => {
    const { provider, peer, conn, read } = providerWithConnection()
    const refused: string[] = []
    guardPeers(provider as unknown as WebrtcProvider, (reason) => refused.push(reason))
    provider.emit('peers', {})

    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hello')
    const valid = updateMessage(Y.encodeStateAsUpdate(doc))
    peer.emit('data', valid)
    expect(read).toHaveBeenCalledWith(valid)

    const update = Y.encodeStateAsUpdate(doc)
    peer.emit('data', updateMessage(update.subarray(0, update.byteLength - 2)))
    expect(read).toHaveBeenCalledTimes(1)
    expect(conn.destroy).toHaveBeenCalled()
    expect(refused).toEqual([expect.stringMatching(/malformed/)])
  })

  it('guards each connection once, however many peer events there are', () => {
    const { provider, peer, read } = providerWithConnection()
    guardPeers(provider as unknown as WebrtcProvider, () => undefined)
    provider.emit('peers', {})
    provider.emit('peers', {})
    peer.emit('data', Uint8Array.of(3)) // y-webrtc's query for presence
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('sends a document state too large for one data channel message as several that rebuild it', () => {
    const { provider, peer, sent } = providerWithConnection()
    guardPeers(provider as unknown as WebrtcProvider, () => undefined)
    provider.emit('peers', {})
    const doc = new Y.Doc()
    const text = 'A long pasted report. '.repeat(15_000)
    doc.getText('t').insert(0, text)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep2(encoder, doc)
    ;(peer as unknown as { send(data: Uint8Array): void }).send(encoding.toUint8Array(encoder))

    expect(sent.length).toBeGreaterThan(4)
    for (const message of sent) expect(message.byteLength).toBeLessThanOrEqual(64 * 1024)
    // Read as a stock client reads them: all updates, and the last one is the sync step 2.
    const replica = new Y.Doc()
    const steps = sent.map((message) => {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), replica, null)
    })
    expect(steps.at(-1)).toBe(syncProtocol.messageYjsSyncStep2)
    expect(new Set(steps.slice(0, -1))).toEqual(new Set([syncProtocol.messageYjsUpdate]))
    expect(replica.getText('t').toJSON()).toBe(text)
  })

  it('marks a connection synced when the peer’s sync step 2 arrives, whatever the room’s state, and says so', () => {
    const { provider, peer, conn } = providerWithConnection()
    const onSynced = vi.fn()
    guardPeers(provider as unknown as WebrtcProvider, () => undefined, undefined, onSynced)
    provider.emit('peers', {})
    const doc = new Y.Doc()
    peer.emit('data', updateMessage(Y.encodeStateAsUpdate(doc)))
    expect(conn.synced).toBe(false)
    expect(onSynced).not.toHaveBeenCalled()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep2(encoder, doc)
    peer.emit('data', encoding.toUint8Array(encoder))
    expect(conn.synced).toBe(true)
    expect(onSynced).toHaveBeenCalledTimes(1)
  })

  it('passes a peer’s update on to the other peers but never sends it back to the peer it came from', () => {
    const provider = new EventEmitter()
    const peers = ['writer', 'other'].map(() => {
      const peer = new EventEmitter() as EventEmitter & { send(data: Uint8Array): void }
      const sent: Uint8Array[] = []
      peer.send = (data) => sent.push(data)
      return { peer, sent }
    })
    const [writer, other] = peers as [(typeof peers)[0], (typeof peers)[0]]
    const reply = Uint8Array.of(0, 1, 0)
    // y-webrtc's reader: applies the update, passes it on to every connection, and answers the writer.
    writer.peer.on('data', (data: Uint8Array) => {
      for (const { peer } of peers) peer.send(data.slice())
      writer.peer.send(reply)
    })
    Object.assign(provider, { room: { webrtcConns: new Map(peers.map(({ peer }, i) => [String(i), { peer, destroy: vi.fn(), synced: false }])) } })
    guardPeers(provider as unknown as WebrtcProvider, () => undefined)
    provider.emit('peers', {})

    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'typed by the writer')
    const message = updateMessage(Y.encodeStateAsUpdate(doc))
    writer.peer.emit('data', message)
    expect(other.sent).toEqual([message])
    expect(writer.sent).toEqual([reply])

    // Outside of reading its message, the same bytes still go to the writer.
    writer.peer.send(message)
    expect(writer.sent).toEqual([reply, message])
  })
})
