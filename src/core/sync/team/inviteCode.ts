import { createHash } from 'node:crypto'
import { TEAM_KEY_BYTES } from './teamSecrets'

/** What an invite carries: enough to derive every room and password of the team, and its name. */
export interface Invite {
  workspaceId: string
  key: Uint8Array
  name: string
}

const PREFIX = 'HF1-'
const LINK_PREFIX = 'holdfast://join/'
const ID_BYTES = 16
const CHECK_BYTES = 4
const MAX_NAME_BYTES = 240

export class InviteInvalidError extends Error {}

/** Workspace ids are 128 random bits as hex. */
export function isWorkspaceId(id: string): boolean {
  return /^[0-9a-f]{32}$/.test(id)
}

function checksum(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest().subarray(0, CHECK_BYTES)
}

/** `HF1-` and base64url of: workspace id, key, name, then a checksum so a mistyped code is caught. */
export function encodeInvite(invite: Invite): string {
  if (!isWorkspaceId(invite.workspaceId)) throw new Error('A workspace id is 32 hex digits.')
  if (invite.key.byteLength !== TEAM_KEY_BYTES) throw new Error(`A team key is ${TEAM_KEY_BYTES} bytes.`)
  const name = Buffer.from(invite.name, 'utf8').subarray(0, MAX_NAME_BYTES)
  const body = Buffer.concat([Buffer.from(invite.workspaceId, 'hex'), invite.key, name])
  return PREFIX + Buffer.concat([body, checksum(body)]).toString('base64url')
}

export function inviteLink(code: string): string {
  return LINK_PREFIX + code
}

/** Reads a code or a link as pasted (surrounding spaces and line breaks are ignored). */
export function decodeInvite(pasted: string): Invite {
  let code = pasted.replace(/\s+/g, '')
  if (code.startsWith(LINK_PREFIX)) code = code.slice(LINK_PREFIX.length)
  if (!code.startsWith(PREFIX)) throw new InviteInvalidError('An invite code starts with HF1-.')
  const encoded = code.slice(PREFIX.length)
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new InviteInvalidError('The invite code has characters that do not belong in it.')
  const bytes = Buffer.from(encoded, 'base64url')
  if (bytes.byteLength < ID_BYTES + TEAM_KEY_BYTES + CHECK_BYTES) throw new InviteInvalidError('The invite code is too short; part of it is missing.')
  const body = bytes.subarray(0, bytes.byteLength - CHECK_BYTES)
  if (!checksum(body).equals(bytes.subarray(bytes.byteLength - CHECK_BYTES))) {
    throw new InviteInvalidError('The invite code does not check out; part of it was changed or cut off.')
  }
  const name = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(ID_BYTES + TEAM_KEY_BYTES))
  return {
    workspaceId: body.subarray(0, ID_BYTES).toString('hex'),
    key: new Uint8Array(body.subarray(ID_BYTES, ID_BYTES + TEAM_KEY_BYTES)),
    // Control characters from a crafted code never reach the UI.
    name: name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 60) || 'Team'
  }
}
