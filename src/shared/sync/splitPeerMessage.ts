import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { splitUpdate } from '../docs/splitUpdate'
import { MESSAGE_SYNC, SYNC_STEP_2, SYNC_UPDATE } from './peerMessages'

/**
 * The largest message sent to a peer. Browsers refuse to send a data channel message over the
 * size the other side announced (256 KiB in Chromium), and y-webrtc drops such a message without
 * a word; 64 KiB is within what every WebRTC implementation takes.
 */
export const MAX_SENT_MESSAGE_BYTES = 64 * 1024
/** Message type, sync step and the update's length prefix. */
const FRAMING_BYTES = 16

/**
 * A y-webrtc message as messages of at most `maxBytes`: a sync step 2 or update carrying more is
 * sent as several updates, the last one keeping the original step (so a peer counts itself synced
 * only once all of it has arrived). Stock y-webrtc clients read them as ordinary updates.
 * Other messages are returned as they are.
 */
export function splitPeerMessage(message: Uint8Array, maxBytes = MAX_SENT_MESSAGE_BYTES): Uint8Array[] {
  if (message.byteLength <= maxBytes) return [message]
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return [message]
  const step = decoding.readVarUint(decoder)
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return [message]
  const parts = splitUpdate(decoding.readVarUint8Array(decoder), maxBytes - FRAMING_BYTES)
  return parts.map((part, i) => syncMessage(i === parts.length - 1 ? step : SYNC_UPDATE, part))
}

function syncMessage(step: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
