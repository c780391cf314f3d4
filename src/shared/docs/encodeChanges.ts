import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export type DeleteSet = Y.Transaction['deleteSet']
export type StateVector = Map<number, number>

/**
 * One Yjs (v1) update holding every struct `doc` gained after the state `since`, plus only the
 * given deletions (sorted and merged, as Y.mergeDeleteSets returns them). Y.encodeStateAsUpdate
 * (doc, since) would write every deletion the document ever had: time and bytes in proportion to
 * the whole document, on every call.
 *
 * The layout is Yjs's own (writeClientsStructs, then writeDeleteSet, which Yjs does not export),
 * written through the encoder and struct methods Yjs does export.
 */
export function encodeChanges(doc: Y.Doc, since: StateVector, deletions: DeleteSet): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  writeStructsAfter(encoder, doc.store.clients, since)
  writeDeletions(encoder, deletions)
  return encoder.toUint8Array()
}

function writeStructsAfter(encoder: Y.UpdateEncoderV1, clients: Map<number, (Y.GC | Y.Item)[]>, since: StateVector): void {
  const changed: [number, (Y.GC | Y.Item)[]][] = []
  for (const [client, structs] of clients) {
    const last = structs[structs.length - 1]
    if (last && last.id.clock + last.length > (since.get(client) ?? 0)) changed.push([client, structs])
  }
  encoding.writeVarUint(encoder.restEncoder, changed.length)
  // Higher client ids first, as Yjs writes them (it integrates faster that way).
  changed.sort((a, b) => b[0] - a[0])
  for (const [client, structs] of changed) {
    const clock = Math.max(since.get(client) ?? 0, structs[0]?.id.clock ?? 0)
    const start = Y.findIndexSS(structs, clock)
    encoding.writeVarUint(encoder.restEncoder, structs.length - start)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, clock)
    for (let i = start; i < structs.length; i++) {
      const struct = structs[i] as Y.GC | Y.Item
      // The first struct may begin before `clock`: it is written from that offset on.
      struct.write(encoder, i === start ? clock - struct.id.clock : 0)
    }
  }
}

/** Yjs's writeDeleteSet (not exported by Yjs): clients in descending order, as Yjs writes them. */
export function writeDeletions(encoder: Y.UpdateEncoderV1, deletions: DeleteSet): void {
  encoding.writeVarUint(encoder.restEncoder, deletions.clients.size)
  const clients = [...deletions.clients].sort((a, b) => b[0] - a[0])
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const range of ranges) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
}
