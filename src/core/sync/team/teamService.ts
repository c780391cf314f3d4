import { randomBytes } from 'node:crypto'
import type { SyncSession, TeamNetworkSettings, TeamNetworkStatus, TeamStatus } from '../../../shared/contracts/team'
import type { Logger } from '../../logger'
import { startLoopbackSignalingServer, type LoopbackSignalingServer } from '../signaling/loopbackSignalingServer'
import type { SignalingHub } from '../signaling/signalingHub'
import { TeamNetwork } from '../teamNetwork'
import { decodeInvite, encodeInvite, inviteLink } from './inviteCode'
import type { TeamKeyVault } from './teamKeyVault'
import { deriveTeamSecrets, roomName, TEAM_KEY_BYTES } from './teamSecrets'
import type { StoredTeam, TeamStore } from './teamStore'

export class AlreadyInTeamError extends Error {}
export class NotInTeamError extends Error {}

export interface TeamServiceOptions {
  /** The team row of the open workspace database, or null while it is blocked. */
  store: () => TeamStore | null
  vault: TeamKeyVault
  hub: SignalingHub
  log: Logger
  /**
   * The desktop app's window origins: its window signals through a loopback server of the core's
   * (started when first asked for). Headless mode leaves it out: its page signals on its own origin.
   */
  windowOrigins?: readonly string[]
  lanPort?: number
  discoveryPort?: number
  /** False: no mDNS discovery (see TeamNetworkOptions.mdns). */
  mdns?: boolean
  /** Tests keep the network to loopback: see TeamNetworkOptions. */
  lanHost?: string
  broadcastTo?: () => string[]
}

/**
 * Sharing the workspace with a team: create, invite, join, leave, and the LAN network that runs
 * only while the workspace is shared.
 */
export class TeamService {
  private lan: TeamNetwork | null = null
  /** Serialises starts and stops of the network. */
  private networkChange: Promise<void> = Promise.resolve()
  private windowSignaling: Promise<LoopbackSignalingServer> | null = null

  constructor(private readonly options: TeamServiceOptions) {}

  get hub(): SignalingHub {
    return this.options.hub
  }

  status(): TeamStatus {
    const team = this.options.store()?.read() ?? null
    return {
      team: team && { workspaceId: team.workspaceId, name: team.name, joinedAt: team.joinedAt, keyChangedAt: team.keyChangedAt },
      lanPort: this.lan?.lanPort ?? null,
      lanPeers: this.lan?.lanPeers ?? 0
    }
  }

  /** Starts the network for the stored team, if any (at start-up, after a restore). */
  resume(): Promise<void> {
    return this.restartNetwork()
  }

  async create(name: string, now = Date.now()): Promise<TeamStatus> {
    await this.adopt({ workspaceId: randomBytes(16).toString('hex'), key: randomBytes(TEAM_KEY_BYTES), name }, now)
    return this.status()
  }

  /**
   * Throws InviteInvalidError for a code that is not an invite. An invite to this workspace's own
   * team brings the team's new key (a teammate changed it); one to another team is refused.
   */
  async join(code: string, now = Date.now()): Promise<TeamStatus> {
    const invite = decodeInvite(code)
    const team = this.options.store()?.read()
    if (team?.workspaceId === invite.workspaceId) await this.changeKey(team, invite.key, invite.name, now)
    else await this.adopt(invite, now)
    return this.status()
  }

  /** Moves the team to a new random key; teammates who stay join again with the new invite. */
  async rotateKey(now = Date.now()): Promise<TeamStatus> {
    const team = this.current()
    await this.changeKey(team, randomBytes(TEAM_KEY_BYTES), team.name, now)
    return this.status()
  }

  async invite(): Promise<{ code: string; link: string }> {
    const team = this.current()
    const key = await this.options.vault.load(team.workspaceId, team.encryptedKey)
    const code = encodeInvite({ workspaceId: team.workspaceId, key, name: team.name })
    return { code, link: inviteLink(code) }
  }

  async leave(): Promise<TeamStatus> {
    const team = this.current()
    this.store().remove()
    this.options.vault.forget(team.workspaceId)
    await this.restartNetwork()
    return this.status()
  }

  async session(): Promise<SyncSession | null> {
    const team = this.options.store()?.read()
    if (!team) return null
    const key = await this.options.vault.load(team.workspaceId, team.encryptedKey)
    const { password } = deriveTeamSecrets(key, team.workspaceId)
    return { workspaceId: team.workspaceId, password, iceServers: await this.iceServers(team) }
  }

  /** The team's internet servers (none unless the team chose some). */
  async networkSettings(): Promise<TeamNetworkStatus> {
    const team = this.current()
    const network = this.store().network()
    const turnPassword = await this.options.vault.loadTurnPassword(team.workspaceId, network?.encryptedTurnPassword ?? null)
    return {
      signalingServers: network?.signalingServers ?? [],
      iceServers: network?.iceServers ?? [],
      turnUsername: network?.turnUsername ?? '',
      turnPasswordSet: Boolean(turnPassword),
      signalingLinks: this.lan?.signalingLinks ?? []
    }
  }

  /** Stores the servers (and the TURN password, when given; empty removes it) and reconnects. */
  async setNetwork(settings: TeamNetworkSettings & { turnPassword?: string }): Promise<TeamNetworkStatus> {
    const team = this.current()
    const store = this.store()
    store.setNetwork({ signalingServers: settings.signalingServers, iceServers: settings.iceServers, turnUsername: settings.turnUsername })
    if (settings.turnPassword !== undefined) {
      const stored = await this.options.vault.saveTurnPassword(team.workspaceId, settings.turnPassword)
      store.setTurnPassword(settings.turnPassword === '' ? null : stored)
    }
    await this.restartNetwork()
    return this.networkSettings()
  }

  /** STUN and TURN servers for WebRTC: TURN ones carry the user name and password. */
  private async iceServers(team: StoredTeam): Promise<SyncSession['iceServers']> {
    const network = this.store().network()
    if (!network || network.iceServers.length === 0) return []
    const credential = (await this.options.vault.loadTurnPassword(team.workspaceId, network.encryptedTurnPassword)) || undefined
    return network.iceServers.map((urls) =>
      urls.startsWith('stun:') ? { urls } : { urls, username: network.turnUsername || undefined, credential }
    )
  }

  /** The room of each document (empty while the workspace is not shared). */
  async rooms(docIds: string[]): Promise<string[]> {
    const team = this.options.store()?.read()
    if (!team) return []
    const { roomSecret } = deriveTeamSecrets(await this.options.vault.load(team.workspaceId, team.encryptedKey), team.workspaceId)
    return docIds.map((docId) => roomName(roomSecret, docId))
  }

  /** The desktop window's signaling URL (its loopback server, started on first ask), or null in headless mode. */
  async windowSignalingUrl(): Promise<string | null> {
    const origins = this.options.windowOrigins
    if (!origins?.length) return null
    this.windowSignaling ??= startLoopbackSignalingServer(this.options.hub, origins)
    return (await this.windowSignaling).url
  }

  async close(): Promise<void> {
    await (await this.windowSignaling?.catch(() => null))?.close()
    await this.networkChange
    await this.lan?.stop()
    this.lan = null
  }

  private async adopt(invite: { workspaceId: string; key: Uint8Array; name: string }, now: number): Promise<void> {
    const store = this.store()
    if (store.read()) throw new AlreadyInTeamError('This workspace already belongs to a team.')
    const encryptedKey = await this.options.vault.save(invite.workspaceId, invite.key)
    store.insert({ workspaceId: invite.workspaceId, name: invite.name, joinedAt: now, encryptedKey })
    await this.restartNetwork()
  }

  /**
   * New rooms, password and discovery tag follow from the key; the network restarts on them, so
   * apps with the old key no longer find this one. A key the same as the stored one changes nothing.
   */
  private async changeKey(team: StoredTeam, key: Uint8Array, name: string, now: number): Promise<void> {
    const current = await this.options.vault.load(team.workspaceId, team.encryptedKey)
    if (Buffer.from(current).equals(key)) return
    const encryptedKey = await this.options.vault.save(team.workspaceId, key)
    this.store().setKey(encryptedKey, name, now)
    await this.restartNetwork()
  }

  private restartNetwork(): Promise<void> {
    this.networkChange = this.networkChange.then(async () => {
      await this.lan?.stop()
      this.lan = null
      const team = this.options.store()?.read()
      if (!team) return
      try {
        const key = await this.options.vault.load(team.workspaceId, team.encryptedKey)
        const { discoveryTag } = deriveTeamSecrets(key, team.workspaceId)
        this.lan = await TeamNetwork.start({
          hub: this.options.hub,
          log: this.options.log,
          discoveryTag,
          lanPort: this.options.lanPort,
          discoveryPort: this.options.discoveryPort,
          mdns: this.options.mdns,
          lanHost: this.options.lanHost,
          broadcastTo: this.options.broadcastTo,
          signalingServers: this.options.store()?.network()?.signalingServers ?? []
        })
      } catch (error) {
        this.options.log.warn(`Team sync could not start on the LAN: ${error instanceof Error ? error.message : String(error)}`)
      }
    })
    return this.networkChange
  }

  private store(): TeamStore {
    const store = this.options.store()
    if (!store) throw new Error('The workspace database is not open.')
    return store
  }

  private current(): StoredTeam {
    const team = this.store().read()
    if (!team) throw new NotInTeamError('This workspace is not shared with a team.')
    return team
  }
}
