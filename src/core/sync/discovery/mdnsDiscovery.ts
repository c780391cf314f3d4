import type { RemoteInfo } from 'node:dgram'
import makeMdns, { type MulticastDNS, type ResponsePacket } from 'multicast-dns'
import { z } from 'zod'
import type { DiscoveryOptions, LanPeer } from './lanDiscovery'

/** The DNS-SD service type every Holdfast app publishes its LAN signaling server under. */
export const MDNS_SERVICE = '_holdfast._tcp.local'
/**
 * A peer not heard from for this long is gone; it is also the TTL of the records this app
 * publishes. A query round runs every fifth of it, so a peer is forgotten after four missed rounds.
 */
const FORGET_AFTER_MS = 10_000
/** A Holdfast answer has three records (PTR, SRV, TXT); a packet with many more is not one. */
const MAX_RECORDS = 12
const MAX_TXT_ENTRY = 80

type DnsRecord = ResponsePacket['answers'][number]
type TxtRecord = Extract<DnsRecord, { type: 'TXT' }>

/** The TXT record, as `key=value` entries; other keys are dropped. */
const TxtSchema = z.object({
  v: z.literal('1'),
  /** Derived from the team key: apps of other teams ignore it, and it reveals nothing. */
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  /** This run of the app (random); also the instance name, so it fits in one DNS label. */
  id: z.string().regex(/^[0-9a-f]{16,63}$/)
})
const SrvSchema = z.object({ port: z.number().int().min(1).max(65_535) })
/** RFC 6762 §10.1: a record with TTL 0 is a goodbye. */
const TtlSchema = z.number().int().min(0)

export interface MdnsDiscoveryOptions extends DiscoveryOptions {
  /** The mDNS port; default 5353 (tests use one of their own, away from the system's responder). */
  port?: number
  /** Tests: forget silent peers sooner (and query more often). */
  forgetAfterMs?: number
}

/**
 * Finds the apps of the same team on the LAN by mDNS / DNS-SD: each publishes its signaling server
 * as a `_holdfast._tcp` service (SRV: the port; TXT: the team's discovery tag and the app's run id)
 * and browses for the others. Where the LAN has an mDNS responder this is the discovery the
 * network expects; the UDP broadcast of LanDiscovery runs beside it as the fallback.
 */
export class MdnsDiscovery {
  private mdns: MulticastDNS | null = null
  private readonly peers = new Map<string, LanPeer>()
  private timer: NodeJS.Timeout | null = null
  private lastQueryHeard = 0
  private lastAnswered = 0
  /** The instance name is the app's run id: random, so it reveals nothing about the user or the team. */
  private readonly name: string
  private readonly forgetAfterMs: number
  private readonly queryEveryMs: number

  constructor(private readonly options: MdnsDiscoveryOptions) {
    this.name = `${options.instanceId}.${MDNS_SERVICE}`
    this.forgetAfterMs = options.forgetAfterMs ?? FORGET_AFTER_MS
    this.queryEveryMs = this.forgetAfterMs / 5
  }

  /** Rejects when the mDNS port cannot be bound or no network interface takes multicast. */
  async start(): Promise<void> {
    const mdns = makeMdns({ port: this.options.port ?? 5353 })
    let joined = false
    let failed: ((error: Error) => void) | undefined
    mdns.on('networkInterface', () => (joined = true))
    // One listener for good: a refused port is emitted twice (by the socket, then by the bind), and an unheard 'error' throws.
    mdns.on('error', (error) => (failed ? failed(error) : this.options.log.warn(`mDNS discovery: ${error.message}`)))
    try {
      await new Promise<void>((resolve, reject) => {
        failed = reject
        // The library joins the multicast group on every interface before 'ready'; a failed join is only a warning there.
        mdns.once('ready', () => (joined ? resolve() : reject(new Error('no network interface accepts multicast'))))
      })
    } catch (error) {
      mdns.destroy()
      throw error
    } finally {
      failed = undefined
    }
    // Warnings (undecodable packets from anyone on the LAN, interfaces that refuse multicast, retried every 5 s) are not news.
    mdns.on('query', (query) => this.asked(query.questions))
    mdns.on('response', (response, remote) => this.heard([...response.answers, ...response.additionals], remote))
    this.mdns = mdns
    this.announce()
    mdns.query(MDNS_SERVICE, 'PTR')
    this.timer = setInterval(() => this.tick(), this.queryEveryMs)
  }

  get size(): number {
    return this.peers.size
  }

  /** Says goodbye (peers forget this app at once instead of after the timeout) and closes the socket. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    const mdns = this.mdns
    this.mdns = null
    if (!mdns) return
    await new Promise<void>((resolve) => mdns.respond(this.records(0), () => mdns.destroy(resolve)))
  }

  private get ttl(): number {
    return Math.ceil(this.forgetAfterMs / 1000)
  }

  private tick(): void {
    this.forgetSilent()
    // Every app answers every query, and all answers are multicast, so one query a round refreshes
    // everyone: an app asks only if nobody did lately (RFC 6762 §7.3, duplicate question suppression).
    if (Date.now() - this.lastQueryHeard >= this.queryEveryMs / 2) this.mdns?.query(MDNS_SERVICE, 'PTR')
  }

  private records(ttl: number): DnsRecord[] {
    const { tag, instanceId, signalingPort } = this.options
    return [
      { name: MDNS_SERVICE, type: 'PTR', ttl, data: this.name },
      // No A record for the target: peers connect to the address the answer came from (see heard).
      { name: this.name, type: 'SRV', ttl, data: { port: signalingPort, target: `${instanceId}.local` } },
      { name: this.name, type: 'TXT', ttl, data: ['v=1', `tag=${tag}`, `id=${instanceId}`] }
    ]
  }

  private asked(questions: readonly { name: string }[]): void {
    const names = questions.map((question) => question.name.toLowerCase())
    if (names.includes(MDNS_SERVICE)) this.lastQueryHeard = Date.now()
    if (!names.includes(MDNS_SERVICE) && !names.includes(this.name)) return
    // At most once every half round (1 s by default, RFC 6762 §6), so a flood of queries is not answered in kind.
    if (Date.now() - this.lastAnswered < this.queryEveryMs / 2) return
    this.announce()
  }

  private announce(): void {
    this.lastAnswered = Date.now()
    this.mdns?.respond(this.records(this.ttl))
  }

  /** Everything in an answer is hostile input: anyone on the LAN can send one. */
  private heard(records: DnsRecord[], remote: RemoteInfo): void {
    if (records.length > MAX_RECORDS) return
    for (const srv of records) {
      if (srv.type !== 'SRV' || srv.name.length > 255 || !srv.name.toLowerCase().endsWith(`.${MDNS_SERVICE}`)) continue
      const txt = records.find((record): record is TxtRecord => record.type === 'TXT' && record.name === srv.name)
      const fields = SrvSchema.safeParse(srv.data)
      const ttl = TtlSchema.safeParse(srv.ttl)
      const about = TxtSchema.safeParse(txt && txtEntries(txt.data))
      if (!fields.success || !ttl.success || !about.success) continue
      const { tag, id } = about.data
      if (tag !== this.options.tag || id === this.options.instanceId || srv.name.toLowerCase() !== `${id}.${MDNS_SERVICE}`) continue
      if (ttl.data === 0) this.forget(id)
      else this.seen(id, `ws://${remote.address}:${fields.data.port}`)
    }
  }

  private seen(id: string, url: string): void {
    const known = this.peers.get(id)
    // An app heard on several interfaces keeps the first address it was heard at while it stays.
    if (known) {
      known.lastSeen = Date.now()
      return
    }
    // The address the answer came from, not an A record: it is the one that reaches this app.
    const peer = { id, url, lastSeen: Date.now() }
    this.peers.set(id, peer)
    this.options.onPeer(peer)
  }

  private forget(id: string): void {
    const peer = this.peers.get(id)
    if (!peer) return
    this.peers.delete(id)
    this.options.onLost(peer)
  }

  private forgetSilent(): void {
    const now = Date.now()
    for (const [id, peer] of this.peers) {
      if (now - peer.lastSeen >= this.forgetAfterMs) this.forget(id)
    }
  }
}

/** TXT data as `key=value` pairs, or undefined when it is not a short list of short entries. */
function txtEntries(data: unknown): Record<string, string> | undefined {
  if (!Array.isArray(data) || data.length > 8) return undefined
  const entries: [string, string][] = []
  for (const entry of data) {
    if (!Buffer.isBuffer(entry) || entry.byteLength > MAX_TXT_ENTRY) return undefined
    const text = entry.toString('utf8')
    const at = text.indexOf('=')
    if (at > 0) entries.push([text.slice(0, at), text.slice(at + 1)])
  }
  // fromEntries defines own properties, so a hostile `__proto__=` key is only a key.
  return Object.fromEntries(entries)
}
