import { randomBytes } from 'node:crypto'
import type { Logger } from '../logger'
import { LanDiscovery } from './discovery/lanDiscovery'
import { MdnsDiscovery } from './discovery/mdnsDiscovery'
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
  /**
   * Announce and find teammates' apps by mDNS as well as by broadcast (default true). Off, only the
   * broadcast on `discoveryPort` finds them: apps on one machine with different discovery ports
   * then stay apart, as on different networks.
   */
  mdns?: boolean
  /** The mDNS port; default 5353 (tests: a port of their own). */
  mdnsPort?: number
  /** Signaling servers beyond the LAN the team chose (y-webrtc-compatible); none by default. */
  signalingServers?: readonly string[]
}

type Finder = 'broadcast' | 'mdns'

/**
 * While a workspace is shared: the LAN signaling server, the announcements that let teammates'
 * apps find it (mDNS, and UDP broadcast as the fallback), and one link per pair of apps however
 * it was found (the app with the smaller id opens it), so signaling from this app's windows
 * reaches theirs with no internet. Signaling servers the team configured get a link each too, so
 * teammates elsewhere are reached through them.
 */
export class TeamNetwork {
  private readonly links = new Map<string, PeerLink>()
  private readonly serverLinks: PeerLink[]
  /** The apps of this team heard on the LAN, and which discoveries hear each. */
  private readonly heard = new Map<string, Set<Finder>>()
  private readonly broadcast: LanDiscovery
  private readonly mdns: MdnsDiscovery | null

  private constructor(
    private readonly options: TeamNetworkOptions,
    private readonly server: LanSignalingServer,
    /** This run of the app, random: it decides which of two apps opens the link between them. */
    private readonly instanceId = randomBytes(16).toString('hex')
  ) {
    const discovery = (finder: Finder) => ({
      tag: options.discoveryTag,
      instanceId: this.instanceId,
      signalingPort: server.port,
      log: options.log,
      onPeer: (peer: { id: string; url: string }) => this.peerFound(finder, peer.id, peer.url),
      onLost: (peer: { id: string }) => this.peerLost(finder, peer.id)
    })
    this.broadcast = new LanDiscovery({ ...discovery('broadcast'), port: options.discoveryPort, addresses: options.broadcastTo })
    this.mdns = options.mdns === false ? null : new MdnsDiscovery({ ...discovery('mdns'), port: options.mdnsPort })
    this.serverLinks = (options.signalingServers ?? []).map((url) => new PeerLink(url, options.hub))
  }

  static async start(options: TeamNetworkOptions): Promise<TeamNetwork> {
    const server = await startLanSignalingServer(options.hub, options.lanPort ?? 0, options.lanHost)
    const network = new TeamNetwork(options, server)
    // Without discovery the app still syncs through configured servers; say why the LAN is quiet.
    try {
      await network.broadcast.start()
    } catch (error) {
      options.log.warn(`LAN discovery by broadcast is off: ${errorText(error)}`)
    }
    try {
      await network.mdns?.start()
    } catch (error) {
      // Port 5353 refused, or no interface takes multicast: the broadcast still finds teammates.
      options.log.warn(`LAN discovery by mDNS is off: ${errorText(error)}`)
    }
    return network
  }

  get lanPort(): number {
    return this.server.port
  }

  /** Apps of this team heard on the LAN (by either discovery). */
  get lanPeers(): number {
    return this.heard.size
  }

  /** The configured signaling servers and whether each is connected now. */
  get signalingLinks(): { url: string; connected: boolean }[] {
    return this.serverLinks.map((link) => ({ url: link.url, connected: link.connected }))
  }

  async stop(): Promise<void> {
    for (const link of this.serverLinks) link.close()
    this.broadcast.stop()
    await this.mdns?.stop()
    for (const link of this.links.values()) link.close()
    this.links.clear()
    await this.server.close()
  }

  private peerFound(finder: Finder, id: string, url: string): void {
    const finders = this.heard.get(id) ?? new Set<Finder>()
    finders.add(finder)
    this.heard.set(id, finders)
    if (id < this.instanceId || this.links.has(id)) return
    this.links.set(id, new PeerLink(url, this.options.hub))
  }

  /** An app is gone when neither discovery hears it any more. */
  private peerLost(finder: Finder, id: string): void {
    const finders = this.heard.get(id)
    finders?.delete(finder)
    if (finders?.size) return
    this.heard.delete(id)
    this.links.get(id)?.close()
    this.links.delete(id)
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
