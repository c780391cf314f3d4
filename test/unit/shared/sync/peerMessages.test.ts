import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MAX_PEER_MESSAGE_BYTES, peerMessageProblem } from '../../../../src/shared/sync/peerMessages'

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

describe('peer message check', () => {
  it('lets through what y-webrtc sends: sync steps, updates, awareness and its query', () => {
    const doc = docWithText('hello')
    expect(peerMessageProblem(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)))).toBeNull()
    expect(peerMessageProblem(syncMessage((e) => syncProtocol.writeSyncStep2(e, doc)))).toBeNull()
    expect(peerMessageProblem(syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))))).toBeNull()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalStateField('user', { name: 'Ana', color: '#336699' })
    const presence = encoding.createEncoder()
    encoding.writeVarUint(presence, 1)
    encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
    expect(peerMessageProblem(encoding.toUint8Array(presence))).toBeNull()
    expect(peerMessageProblem(Uint8Array.of(3))).toBeNull() // y-webrtc's messageQueryAwareness
    expect(peerMessageProblem(Uint8Array.of(2))).toBe('unknown message type 2')
  })

  it('refuses a truncated or forged update, an unknown type or step, and anything over the size limit', () => {
    const update = Y.encodeStateAsUpdate(docWithText('some text that makes an update'))
    const truncated = syncMessage((e) => syncProtocol.writeUpdate(e, update.subarray(0, update.byteLength - 3)))
    expect(peerMessageProblem(truncated)).toMatch(/malformed/)
    const forged = Uint8Array.from(update)
    forged[1] = 200 // a client count the bytes cannot hold
    expect(peerMessageProblem(syncMessage((e) => syncProtocol.writeUpdate(e, forged)))).toMatch(/malformed/)
    expect(peerMessageProblem(Uint8Array.of(9, 1, 2))).toMatch(/unknown message type 9/)
    expect(peerMessageProblem(syncMessage((e) => encoding.writeVarUint(e, 7)))).toMatch(/unknown sync step 7/)
    expect(peerMessageProblem(new Uint8Array(MAX_PEER_MESSAGE_BYTES + 1))).toMatch(/over the limit/)
    expect(peerMessageProblem(new Uint8Array())).toMatch(/malformed/)
  })

  it('refuses presence whose state is not JSON', () => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, 42)
    encoding.writeVarUint(inner, 1)
    encoding.writeVarString(inner, '{not json')
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, 1)
    encoding.writeVarUint8Array(message, encoding.toUint8Array(inner))
    expect(peerMessageProblem(encoding.toUint8Array(message))).toMatch(/malformed/)
  })
})
