import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { peerMessageProblem } from '../../../../src/shared/sync/peerMessages'
import { splitPeerMessage } from '../../../../src/shared/sync/splitPeerMessage'

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('splitPeerMessage', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'x'.repeat(5000))

  it('leaves small messages and awareness as they are', () => {
    const small = message((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(new Y.Doc()))
    })
    expect(splitPeerMessage(small, 1000)).toEqual([small])
    const awareness = message((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, new Uint8Array(3000))
    })
    expect(splitPeerMessage(awareness, 1000)).toEqual([awareness])
  })

  it('sends a large update as updates, each a message a peer accepts', () => {
    const update = message((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))
    })
    const parts = splitPeerMessage(update, 1000)
    expect(parts.length).toBeGreaterThan(4)
    for (const part of parts) {
      expect(part.byteLength).toBeLessThanOrEqual(1000)
      expect(peerMessageProblem(part)).toBeNull()
      expect(part.subarray(0, 2)).toEqual(Uint8Array.of(0, syncProtocol.messageYjsUpdate))
    }
  })
})
