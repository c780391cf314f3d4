import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { deriveTeamSecrets, roomName } from '../../../../../src/core/sync/team/teamSecrets'

describe('team secrets', () => {
  const key = randomBytes(32)
  const workspace = '0f'.repeat(16)

  it('are the same on every device with the key, and reveal neither the workspace id nor document ids', () => {
    const a = deriveTeamSecrets(key, workspace)
    const b = deriveTeamSecrets(Uint8Array.from(key), workspace)
    expect(a).toEqual(b)
    const room = roomName(a.roomSecret, 'draft-123')
    expect(room).toBe(roomName(b.roomSecret, 'draft-123'))
    expect(room).toMatch(/^hf-[0-9a-f]{32}$/)
    expect(room).not.toContain('draft')
    expect(a.password).not.toContain(workspace)
    expect(a.discoveryTag).toMatch(/^[0-9a-f]{32}$/)
  })

  it('differ for another key (a rotated team) and for another document', () => {
    const a = deriveTeamSecrets(key, workspace)
    const other = deriveTeamSecrets(randomBytes(32), workspace)
    expect(other.password).not.toBe(a.password)
    expect(other.discoveryTag).not.toBe(a.discoveryTag)
    expect(roomName(other.roomSecret, 'd')).not.toBe(roomName(a.roomSecret, 'd'))
    expect(roomName(a.roomSecret, 'd1')).not.toBe(roomName(a.roomSecret, 'd2'))
  })

  it('refuse a key of the wrong length', () => {
    expect(() => deriveTeamSecrets(randomBytes(16), workspace)).toThrow(/32 bytes/)
  })
})
