import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { writeDeletions, type DeleteSet } from './encodeChanges'

type Struct = Y.Item | Y.GC | Y.Skip
interface Run {
  client: number
  structs: Struct[]
}

/** At most what a client's run header (struct count, client id, first clock) takes. */
const RUN_HEADER_BYTES = 15
/** The run count at the start of a part and the delete-set count at its end. */
const PART_HEADER_BYTES = 10
/** At most what one deleted range (clock, length) takes, plus its share of a client header. */
const RANGE_BYTES = 10

/**
 * Cuts a Yjs (v1) update into updates of at most `maxBytes` each that, applied one after another,
 * give exactly what it gives: each is a valid update on its own (Yjs keeps a part whose
 * dependencies have not arrived pending until they do), so any Yjs client can apply them. Long text and
 * lists are cut between characters or entries (never inside a surrogate pair); a struct that
 * cannot be cut and is bigger than `maxBytes` alone (an embedded binary) gets a part of its own.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update]
  const { structs, ds } = Y.decodeUpdate(update)
  const budget = maxBytes - PART_HEADER_BYTES
  const parts: Uint8Array[] = []
  let runs: Run[] = []
  let used = 0
  const flush = (): void => {
    if (runs.length > 0) parts.push(encodePart(runs, Y.createDeleteSet()))
    runs = []
    used = 0
  }
  for (const decoded of structs) {
    for (const struct of piecesOf(decoded, budget - RUN_HEADER_BYTES)) {
      const size = encodedSize(struct)
      let run = runs[runs.length - 1]
      const cost = size + (run?.client === struct.id.client ? 0 : RUN_HEADER_BYTES)
      if (used + cost > budget && runs.length > 0) {
        flush()
        run = undefined
      }
      if (run?.client !== struct.id.client) {
        run = { client: struct.id.client, structs: [] }
        runs.push(run)
        used += RUN_HEADER_BYTES
      }
      run.structs.push(struct)
      used += size
    }
  }
  flush()
  return [...parts, ...deletionParts(ds, budget)]
}

function encodePart(runs: readonly Run[], deletions: DeleteSet): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, runs.length)
  for (const { client, structs } of runs) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]?.id.clock ?? 0)
    for (const struct of structs) struct.write(encoder, 0)
  }
  writeDeletions(encoder, deletions)
  return encoder.toUint8Array()
}

/** The delete set in parts of at most `budget` bytes, each with no structs. */
function deletionParts(ds: DeleteSet, budget: number): Uint8Array[] {
  const perPart = Math.max(1, Math.floor(budget / RANGE_BYTES) - 1)
  const parts: Uint8Array[] = []
  let part = Y.createDeleteSet()
  let count = 0
  const flush = (): void => {
    if (count > 0) parts.push(encodePart([], part))
    part = Y.createDeleteSet()
    count = 0
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (count + 2 > perPart) flush()
      const held = part.clients.get(client)
      if (held) held.push(range)
      else part.clients.set(client, [range])
      count += part.clients.get(client)?.length === 1 ? 2 : 1
    }
  }
  flush()
  return parts
}

function encodedSize(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1()
  struct.write(encoder, 0)
  return encoding.length(encoder.restEncoder)
}

/** A struct as pieces of at most `maxBytes` (halving text and lists until each piece fits). */
function piecesOf(struct: Struct, maxBytes: number): Struct[] {
  if (!(struct instanceof Y.Item) || struct.length < 2 || !isCuttable(struct.content)) return [struct]
  if (encodedSize(struct) <= maxBytes) return [struct]
  const cut = cutPoint(struct)
  if (cut <= 0 || cut >= struct.length) return [struct]
  const [left, right] = cutItem(struct, cut)
  return [...piecesOf(left, maxBytes), ...piecesOf(right, maxBytes)]
}

function isCuttable(content: Y.Item['content']): boolean {
  return content instanceof Y.ContentString || content instanceof Y.ContentAny || content instanceof Y.ContentJSON
}

/** Half way, moved off a surrogate pair's first half (Yjs would replace a cut pair with U+FFFD). */
function cutPoint(item: Y.Item): number {
  let cut = Math.floor(item.length / 2)
  if (item.content instanceof Y.ContentString) {
    const code = item.content.str.charCodeAt(cut - 1)
    if (code >= 0xd800 && code <= 0xdbff) cut += cut + 1 < item.length ? 1 : -1
  }
  return cut
}

/**
 * Two items in place of a decoded (not integrated) one: the right one starts `cut` later and has
 * the left one's last element as its origin, as Yjs's own splitItem makes them.
 */
function cutItem(item: Y.Item, cut: number): [Y.Item, Y.Item] {
  const { client, clock } = item.id
  const rightContent = item.content.splice(cut)
  const right = new Y.Item(
    Y.createID(client, clock + cut),
    null,
    Y.createID(client, clock + cut - 1),
    null,
    item.rightOrigin,
    item.parent,
    item.parentSub,
    rightContent
  )
  item.length = cut
  return [item, right]
}
