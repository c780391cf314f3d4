import { createHmac, hkdfSync } from 'node:crypto'

/**
 * What a team's 256-bit key is turned into. Everything a signaling server or a LAN neighbour
 * sees (room names, the discovery tag) is derived one-way from the key, so neither learns the
 * workspace id, a document id or the key.
 */
export interface TeamSecrets {
  /** The y-webrtc password: y-webrtc encrypts every signaling message with a key made from it. */
  password: string
  /** The secret room names are made from (HMAC of the document id). */
  roomSecret: Buffer
  /** Announced on the LAN so apps of one team find each other; says nothing else. */
  discoveryTag: string
}

export const TEAM_KEY_BYTES = 32

function hkdf(key: Uint8Array, workspaceId: string, info: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, workspaceId, info, bytes))
}

export function deriveTeamSecrets(key: Uint8Array, workspaceId: string): TeamSecrets {
  if (key.byteLength !== TEAM_KEY_BYTES) throw new Error(`A team key is ${TEAM_KEY_BYTES} bytes.`)
  return {
    password: hkdf(key, workspaceId, 'holdfast y-webrtc password v1', 32).toString('hex'),
    roomSecret: hkdf(key, workspaceId, 'holdfast room names v1', 32),
    discoveryTag: hkdf(key, workspaceId, 'holdfast lan discovery v1', 16).toString('hex')
  }
}

/** The y-webrtc room (signaling topic) of one document of the team. */
export function roomName(roomSecret: Uint8Array, docId: string): string {
  return `hf-${createHmac('sha256', roomSecret).update(docId).digest('hex').slice(0, 32)}`
}
