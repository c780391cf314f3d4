import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeInvite, encodeInvite, inviteLink, InviteInvalidError } from '../../../../../src/core/sync/team/inviteCode'

const invite = { workspaceId: 'ab'.repeat(16), key: new Uint8Array(randomBytes(32)), name: 'Newsroom' }

describe('invite codes', () => {
  it('carry the workspace id, the key and the team name, as a code or a link, pasted with spaces and line breaks', () => {
    const code = encodeInvite(invite)
    expect(code).toMatch(/^HF1-[A-Za-z0-9_-]+$/)
    expect(decodeInvite(code)).toEqual(invite)
    expect(decodeInvite(`  ${inviteLink(code)}\n`)).toEqual(invite)
    expect(decodeInvite(`${code.slice(0, 20)}\n${code.slice(20)}`)).toEqual(invite)
  })

  it('refuse a code with one character changed, cut short, or of another kind, saying which', () => {
    const code = encodeInvite(invite)
    const changed = code.slice(0, 30) + (code[30] === 'A' ? 'B' : 'A') + code.slice(31)
    expect(() => decodeInvite(changed)).toThrow(/does not check out/)
    expect(() => decodeInvite(code.slice(0, code.length - 10))).toThrow(InviteInvalidError)
    expect(() => decodeInvite(code.slice(0, 20))).toThrow(/too short/)
    expect(() => decodeInvite('https://example.com/join')).toThrow(/starts with HF1-/)
    expect(() => decodeInvite('HF1-abc$%^')).toThrow(/characters/)
  })

  it('keep control characters of a crafted name out of the UI', () => {
    const code = encodeInvite({ ...invite, name: 'Desk\u202e\u0007 news' })
    expect(decodeInvite(code).name).toBe('Desk news')
  })
})
