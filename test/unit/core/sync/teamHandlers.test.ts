import { afterEach, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../src/core'
import { connect, silentLog } from '../../../support/inProcessCore'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

function device() {
  // Discovery on a free port announced to nobody, and no mDNS: these tests are about the API's refusals.
  const core = startCore({ dataDir: tempDir(), log: silentLog, discoveryPort: 0, mdns: false })
  cores.push(core)
  return connect(core).client
}

describe('team API refusals', () => {
  it('says what is wrong: no team yet, a team already, a mistyped invite', async () => {
    const client = device()
    await expect(client.team.invite()).rejects.toMatchObject({ code: 'NOT_IN_TEAM' })
    await expect(client.team.rotateKey()).rejects.toMatchObject({ code: 'NOT_IN_TEAM' })
    await expect(client.team.network()).rejects.toMatchObject({ code: 'NOT_IN_TEAM' })
    await expect(client.team.setNetwork({ signalingServers: [], iceServers: [], turnUsername: '' })).rejects.toMatchObject({ code: 'NOT_IN_TEAM' })
    const mistyped = await client.team.join({ code: 'HF1-not-a-code' }).catch((error: unknown) => error)
    expect(mistyped).toMatchObject({ code: 'INVITE_INVALID' })
    expect((mistyped as Error).message).toMatch(/^That invite code is not valid: /)
    await client.team.create({ name: 'Desk' })
    await expect(client.team.create({ name: 'Desk again' })).rejects.toMatchObject({ code: 'ALREADY_IN_TEAM' })
    await expect(client.team.setNetwork({ signalingServers: ['http://not-websocket'], iceServers: [], turnUsername: '' })).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    expect((await client.team.invite()).code).toMatch(/^HF1-/)
  })
})
