import { randomBytes } from 'node:crypto'
import type { Logger } from '../logger'
import { LanDiscovery } from './discovery/lanDiscovery'
import { startLanSignalingServer, type LanSignalingServer } from './signaling/lanSignalingServer'
import { PeerLink } from './signaling/peerLink'
import type { SignalingHub } from './signaling/signalingHub'

export interface TeamNetworkOptions {
  hub: SignalingHub
  log: Logger
  /** From the team key (TeamSecrets.discoveryTag). */
  discoveryTag: string
  /** The LAN signaling port; 0 picks a free one. */
  lanPort?: number
  discoveryPort?: number
  /** The LAN signaling server's address; default all interfaces (tests: 127.0.0.1). */
  lanHost?: string
  /** Where discovery announcements go (tests: loopback only). */
  broadcastTo?: () => string[]
  /** Signaling servers beyond the LAN the team chose (y-webrtc-compatible); none by default. */
  signalingServers?: readonly string[]
}

/**
 * While a workspace is shared: the LAN signaling server, the announcements that let teammates'
 * apps find it, and one link per pair of apps (the app with the smaller id opens it), so
 * signaling from this app's windows reaches theirs with no internet. Signaling servers the team
 * configured get a link each too, so teammates elsewhere are reached through them.
 */
export class TeamNetwork {
  private readonly links = new Map<string, PeerLink>()
  private readonly serverLinks: PeerLink[]
  private readonly discovery: LanDiscovery

  private constructor(
    private readonly options: TeamNetworkOptions,
    private readonly server: LanSignalingServer,
    /** This run of the app, random: it decides which of two apps opens the link between them. */
    private readonly instanceId = randomBytes(16).toString('hex')
  ) {
    this.discovery = new LanDiscovery({
      tag: options.discoveryTag,
      instanceId: this.instanceId,
      signalingPort: server.port,
      log: options.log,
      port: options.discoveryPort,
      addresses: options.broadcastTo,
      onPeer: (peer) => this.peerFound(peer.id, peer.url),
      onLost: (peer) => this.peerLost(peer.id)
    })
    this.serverLinks = (options.signalingServers ?? []).map((url) => new PeerLink(url, options.hub))
  }

  static async start(options: TeamNetworkOptions): Promise<TeamNetwork> {
    const server = await startLanSignalingServer(options.hub, options.lanPort ?? 0, options.lanHost)
    const network = new TeamNetwork(options, server)
    try {
      await network.discovery.start()
    } catch (error) {
      // Without discovery the app still syncs through configured servers; say why the LAN is quiet.
      options.log.warn(`LAN discovery is off: ${error instanceof Error ? error.message : String(error)}`)
    }
    return network
  }

  get lanPort(): number {
    return this.server.port
  }

  /** Apps of this team heard on the LAN. */
  get lanPeers(): number {
    return this.discovery.size
  }

  /** The configured signaling servers and whether each is connected now. */
  get signalingLinks(): { url: string; connected: boolean }[] {
    return this.serverLinks.map((link) => ({ url: link.url, connected: link.connected }))
  }

  async stop(): Promise<void> {
    for (const link of this.serverLinks) link.close()
    this.discovery.stop()
    for (const link of this.links.values()) link.close()
    this.links.clear()
    await this.server.close()
  }

  private peerFound(id: string, url: string): void {
    if (id < this.instanceId || this.links.has(id)) return
    this.links.set(id, new PeerLink(url, this.options.hub))
  }

  private peerLost(id: string): void {
    this.links.get(id)?.close()
    this.links.delete(id)
  }
}
