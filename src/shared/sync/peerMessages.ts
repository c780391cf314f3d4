import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MAX_UPDATE_BYTES } from '../contracts/docs'
import { decodeBlobMessage, MESSAGE_BLOB } from './blobMessages'

/** y-webrtc's message types over a peer connection (its messageSync, messageAwareness, messageQueryAwareness). */
export const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_QUERY_AWARENESS = 3
/** y-protocols' sync steps. */
const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

/** A peer message may carry one stored update's worth of state, plus its framing. */
export const MAX_PEER_MESSAGE_BYTES = MAX_UPDATE_BYTES + 1024
/** Awareness (names, colours, cursors) is small; anything bigger is not presence. */
export const MAX_AWARENESS_BYTES = 64 * 1024

/** Whether a (checked) peer message is the peer's sync step 2: all it had that this side lacked. */
export function isSyncStep2(message: Uint8Array): boolean {
  return message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP_2
}

/**
 * Checks a message from a peer before y-webrtc reads it: the framing, the size, and that the
 * Yjs update or state vector inside decodes on its own (so a broken update is refused whole,
 * never applied half-way). Returns why it was refused, or null when it may be read.
 */
export function peerMessageProblem(message: Uint8Array): string | null {
  if (message.byteLength > MAX_PEER_MESSAGE_BYTES) return `a message of ${message.byteLength} bytes is over the limit`
  try {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_QUERY_AWARENESS) return null
    if (type === MESSAGE_BLOB) {
      decodeBlobMessage(message)
      return null
    }
    if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder)
      return update.byteLength > MAX_AWARENESS_BYTES ? 'presence data over the limit' : awarenessProblem(update)
    }
    if (type !== MESSAGE_SYNC) return `unknown message type ${type}`
    const step = decoding.readVarUint(decoder)
    if (step !== SYNC_STEP_1 && step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return `unknown sync step ${step}`
    const payload = decoding.readVarUint8Array(decoder)
    if (step === SYNC_STEP_1) {
      Y.decodeStateVector(payload)
      return null
    }
    // Decoding reads every struct and the delete set: a truncated or forged update throws here.
    Y.decodeUpdate(payload)
    return null
  } catch (error) {
    return `malformed data (${error instanceof Error ? error.message : String(error)})`
  }
}

/** An awareness update: entries of client id, clock and a JSON state. */
function awarenessProblem(update: Uint8Array): string | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    JSON.parse(decoding.readVarString(decoder))
  }
  return null
}
