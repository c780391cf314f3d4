import { createSocket, type Socket } from 'node:dgram'
import { z } from 'zod'
import type { Logger } from '../../logger'
import { broadcastAddresses } from './broadcastAddresses'

/** The UDP port every Holdfast app announces on and listens to (shared: SO_REUSEADDR). */
export const DISCOVERY_PORT = 47_325
const ANNOUNCE_EVERY_MS = 2000
/** A peer not heard from for this long is gone. */
const FORGET_AFTER_MS = 10_000
const MAX_DATAGRAM = 512

const AnnouncementSchema = z.object({
  app: z.literal('holdfast'),
  v: z.literal(1),
  /** Derived from the team key: apps of other teams ignore it, and it reveals nothing. */
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  /** This run of the app (random), so an app ignores its own announcements. */
  id: z.string().regex(/^[0-9a-f]{16,64}$/),
  port: z.number().int().min(1).max(65_535),
  /** Sent once on stop, so teammates forget this app at once rather than after 10 s of silence. */
  bye: z.literal(true).optional()
})

export interface LanPeer {
  id: string
  url: string
  lastSeen: number
}

/** What every way of finding teammates' apps on the LAN is given (broadcast, mDNS). */
export interface DiscoveryOptions {
  /** Derived from the team key: apps of other teams ignore it, and it reveals nothing. */
  tag: string
  /** This run of the app (random), so an app ignores its own announcements. */
  instanceId: string
  signalingPort: number
  log: Logger
  onPeer(peer: LanPeer): void
  onLost(peer: LanPeer): void
}

export interface LanDiscoveryOptions extends DiscoveryOptions {
  port?: number
  /** Where announcements go; default every interface's broadcast address (tests keep to loopback). */
  addresses?: () => string[]
}

/**
 * Finds the apps of the same team on the LAN with UDP broadcasts: each announces its signaling
 * port every 2 s, tagged with a value derived from the team key. Works with no internet and no
 * configuration; routers do not forward it, so it stays on the local network.
 */
export class LanDiscovery {
  private readonly socket: Socket
  private readonly peers = new Map<string, LanPeer>()
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly options: LanDiscoveryOptions) {
    this.socket = createSocket({ type: 'udp4', reuseAddr: true })
    this.socket.on('message', (message, remote) => this.heard(message, remote.address))
    this.socket.on('error', (error) => options.log.warn(`LAN discovery: ${error.message}`))
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject)
      this.socket.bind(this.options.port ?? DISCOVERY_PORT, () => {
        this.socket.off('error', reject)
        resolve()
      })
    })
    this.socket.setBroadcast(true)
    this.announce()
    this.timer = setInterval(() => {
      this.announce()
      this.forgetSilent()
    }, ANNOUNCE_EVERY_MS)
  }

  get size(): number {
    return this.peers.size
  }

  /** Says goodbye on every network it announced on, then closes the socket once that is sent. */
  stop(): void {
    if (!this.timer) return this.close()
    clearInterval(this.timer)
    this.timer = null
    this.announce(true, () => this.close())
  }

  private close(): void {
    try {
      this.socket.close()
    } catch {
      // Never bound (the port was refused) or already closed: nothing to close.
    }
  }

  private announce(bye = false, sent: () => void = () => undefined): void {
    const { tag, instanceId, signalingPort } = this.options
    const message = Buffer.from(JSON.stringify({ app: 'holdfast', v: 1, tag, id: instanceId, port: signalingPort, ...(bye ? { bye } : {}) }))
    const addresses = (this.options.addresses ?? broadcastAddresses)()
    let pending = addresses.length
    if (pending === 0) return sent()
    for (const address of addresses) {
      // An unreachable network (no route for the limited broadcast) is normal; the others still go.
      this.socket.send(message, this.options.port ?? DISCOVERY_PORT, address, () => {
        if (--pending === 0) sent()
      })
    }
  }

  private heard(message: Buffer, address: string): void {
    if (message.byteLength > MAX_DATAGRAM) return
    let parsed
    try {
      parsed = AnnouncementSchema.safeParse(JSON.parse(message.toString('utf8')))
    } catch {
      return
    }
    if (!parsed.success) return
    const { tag, id, port, bye } = parsed.data
    if (tag !== this.options.tag || id === this.options.instanceId) return
    const known = this.peers.get(id)
    if (bye) {
      if (known) this.forget(known)
      return
    }
    // An app heard on several interfaces keeps the first address it was heard at while it stays.
    if (known) {
      known.lastSeen = Date.now()
      return
    }
    const peer = { id, url: `ws://${address}:${port}`, lastSeen: Date.now() }
    this.peers.set(id, peer)
    this.options.onPeer(peer)
  }

  private forgetSilent(): void {
    const now = Date.now()
    for (const peer of this.peers.values()) if (now - peer.lastSeen >= FORGET_AFTER_MS) this.forget(peer)
  }

  private forget(peer: LanPeer): void {
    this.peers.delete(peer.id)
    this.options.onLost(peer)
  }
}
