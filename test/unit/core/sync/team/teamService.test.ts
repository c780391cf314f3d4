import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../src/core/storage/openDatabase'
import { SignalingHub } from '../../../../../src/core/sync/signaling/signalingHub'
import { fileVault } from '../../../../../src/core/sync/team/teamKeyVault'
import { AlreadyInTeamError, NotInTeamError, TeamService } from '../../../../../src/core/sync/team/teamService'
import { TeamStore } from '../../../../../src/core/sync/team/teamStore'
import { InviteInvalidError } from '../../../../../src/core/sync/team/inviteCode'
import { silentLog } from '../../../../support/inProcessCore'
import { useTempDirs } from '../../../../support/tempDir'

const tempDir = useTempDirs()
const services: TeamService[] = []
afterEach(async () => {
  for (const service of services.splice(0)) await service.close()
})

/** A team service on its own workspace database, its network kept to loopback. */
function device(): { service: TeamService; dir: string; store: TeamStore } {
  const dir = tempDir()
  const { db } = openDatabase(join(dir, 'holdfast.db'))
  const store = new TeamStore(db!)
  const service = new TeamService({
    store: () => store,
    vault: fileVault(dir),
    hub: new SignalingHub(silentLog),
    log: silentLog,
    lanHost: '127.0.0.1',
    // Any free port, announced to nobody, and no mDNS: these tests are about the team, not the LAN.
    discoveryPort: 0,
    broadcastTo: () => [],
    mdns: false
  })
  services.push(service)
  return { service, dir, store }
}

describe('team service', () => {
  it('creates a team, invites, and a second device joins the same team with the same secrets', async () => {
    const a = device()
    const b = device()
    expect(a.service.status().team).toBeNull()
    const created = await a.service.create('Newsroom', 1000)
    expect(created.team).toMatchObject({ name: 'Newsroom', joinedAt: 1000 })
    expect(created.lanPort).toBeGreaterThan(0)

    const { code, link } = await a.service.invite()
    expect(link).toBe(`holdfast://join/${code}`)
    const joined = await b.service.join(code)
    expect(joined.team?.workspaceId).toBe(created.team?.workspaceId)
    expect(joined.team?.name).toBe('Newsroom')
    expect(await b.service.session()).toEqual(await a.service.session())
    expect(await b.service.rooms(['d1', 'd2'])).toEqual(await a.service.rooms(['d1', 'd2']))
  })

  it('keeps the headless key in a file only its owner can read, outside the database, and removes it on leave', async () => {
    const { service, dir } = device()
    const { team } = await service.create('Desk')
    const keyFile = join(dir, `team-${team!.workspaceId}.key`)
    // Windows has no POSIX modes: there the file is as private as the user's profile folder.
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const left = await service.leave()
    expect(left).toMatchObject({ team: null, lanPort: null })
    expect(() => statSync(keyFile)).toThrow(/ENOENT/)
    expect(await service.session()).toBeNull()
    expect(await service.rooms(['d1'])).toEqual([])
  })

  it('refuses a second team, a bad code, and an invite or leave without a team', async () => {
    const { service } = device()
    await expect(service.invite()).rejects.toThrow(NotInTeamError)
    await expect(service.leave()).rejects.toThrow(NotInTeamError)
    await expect(service.join('HF1-nonsense')).rejects.toThrow(InviteInvalidError)
    await service.create('One')
    await expect(service.create('Two')).rejects.toThrow(AlreadyInTeamError)
    expect(service.status().team?.name).toBe('One')
  })

  it('moves the team to a new key: old-key devices keep the old rooms, a teammate re-joins with the new invite', async () => {
    const a = device()
    const stays = device()
    const lost = device()
    const { team } = await a.service.create('Newsroom', 1000)
    const oldCode = (await a.service.invite()).code
    await stays.service.join(oldCode, 2000)
    await lost.service.join(oldCode, 2000)
    a.store.setMarkers([{ docId: 'd1', marker: 5 }])

    const rotated = await a.service.rotateKey(3000)
    expect(rotated.team).toMatchObject({ workspaceId: team!.workspaceId, name: 'Newsroom', joinedAt: 1000, keyChangedAt: 3000 })
    const newRooms = await a.service.rooms(['d1'])
    expect(newRooms).not.toEqual(await lost.service.rooms(['d1']))
    expect((await a.service.session())?.password).not.toBe((await lost.service.session())?.password)
    // What this device holds of the drafts is still what it holds.
    expect(a.store.markers()).toEqual({ d1: 5 })

    // The old invite no longer brings the team's key; the new one does, to a member of the old key.
    const newCode = (await a.service.invite()).code
    expect(newCode).not.toBe(oldCode)
    const rejoined = await stays.service.join(newCode, 4000)
    expect(rejoined.team).toMatchObject({ workspaceId: team!.workspaceId, joinedAt: 2000, keyChangedAt: 4000 })
    expect(await stays.service.rooms(['d1'])).toEqual(newRooms)
    expect(await stays.service.session()).toEqual(await a.service.session())
    // The same invite again changes nothing.
    expect((await stays.service.join(newCode, 5000)).team?.keyChangedAt).toBe(4000)
    // An invite to another team is still refused.
    const other = device()
    await other.service.create('Other desk')
    await expect(stays.service.join((await other.service.invite()).code)).rejects.toThrow(AlreadyInTeamError)
    await expect(device().service.rotateKey()).rejects.toThrow(NotInTeamError)
  })

  it('gives the desktop window a loopback signaling URL (started once), and headless mode none', async () => {
    const { service } = device()
    expect(await service.windowSignalingUrl()).toBeNull()
    const dir = tempDir()
    const { db } = openDatabase(join(dir, 'holdfast.db'))
    const store = new TeamStore(db!)
    const desktop = new TeamService({ store: () => store, vault: fileVault(dir), hub: new SignalingHub(silentLog), log: silentLog, windowOrigins: ['app://holdfast'] })
    services.push(desktop)
    const url = await desktop.windowSignalingUrl()
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/signaling\?token=/)
    expect(await desktop.windowSignalingUrl()).toBe(url)
  })

  it('keeps the team’s internet servers, gives TURN servers the user name and password, and keeps the password out of the database', async () => {
    const a = device()
    const { team } = await a.service.create('Newsroom')
    expect(await a.service.networkSettings()).toEqual({ signalingServers: [], iceServers: [], turnUsername: '', turnPasswordSet: false, signalingLinks: [] })
    expect((await a.service.session())?.iceServers).toEqual([])

    const set = await a.service.setNetwork({
      signalingServers: ['ws://127.0.0.1:9'],
      iceServers: ['stun:stun.newsroom.example:3478', 'turns:turn.newsroom.example:5349'],
      turnUsername: 'desk',
      turnPassword: 's3cret'
    })
    expect(set).toMatchObject({ turnUsername: 'desk', turnPasswordSet: true, signalingLinks: [{ url: 'ws://127.0.0.1:9', connected: false }] })
    expect((await a.service.session())?.iceServers).toEqual([
      { urls: 'stun:stun.newsroom.example:3478' },
      { urls: 'turns:turn.newsroom.example:5349', username: 'desk', credential: 's3cret' }
    ])
    const turnFile = join(a.dir, `team-${team!.workspaceId}.turn`)
    if (process.platform !== 'win32') expect(statSync(turnFile).mode & 0o777).toBe(0o600)
    const db = new Database(join(a.dir, 'holdfast.db'), { readonly: true })
    expect(JSON.stringify(db.prepare('SELECT * FROM team').all())).not.toContain('s3cret')
    db.close()

    // Leaving the password out keeps it; an empty one removes it.
    await a.service.setNetwork({ signalingServers: [], iceServers: ['turn:turn.newsroom.example'], turnUsername: 'desk' })
    expect((await a.service.session())?.iceServers).toEqual([{ urls: 'turn:turn.newsroom.example', username: 'desk', credential: 's3cret' }])
    await a.service.setNetwork({ signalingServers: [], iceServers: ['turn:turn.newsroom.example'], turnUsername: 'desk', turnPassword: '' })
    expect((await a.service.networkSettings()).turnPasswordSet).toBe(false)
    await a.service.leave()
    expect(existsSync(turnFile)).toBe(false)
  })
})
