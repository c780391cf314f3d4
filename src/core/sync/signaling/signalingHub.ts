import type { Logger } from '../../logger'
import { tokenBucket } from './rateLimit'
import { RecentFrames } from './recentFrames'
import { parseSignalingMessage, SIGNALING_LIMITS, SignalingProtocolError, type SignalingMessage } from './signalingMessages'

/** A WebSocket as the hub sees it (text frames only). */
export interface SignalingSocket {
  send(text: string): void
  close(code: number, reason: string): void
}

/**
 * Where a socket comes from: this app's own renderer ('local', through the loopback web server)
 * or another device on the LAN ('lan': another Holdfast core's link, or a stock y-webrtc client).
 */
export type SocketOrigin = 'local' | 'lan'

/** A connection this core opened to another signaling server (a LAN peer's, or one the user configured). */
export interface OutgoingLink {
  send(text: string): void
}

interface Member {
  socket: SignalingSocket
  origin: SocketOrigin
  topics: Set<string>
  /**
   * A local socket's announcement per topic: y-webrtc's first publish on a topic after it
   * subscribes is always its announcement ("I am here"), encrypted as it is; kept so it can be
   * replayed to cores that become reachable later.
   */
  announcements: Map<string, string>
  /** Topics subscribed whose announcement has not come yet. */
  awaitingAnnouncement: Set<string>
}

/** What one socket's messages are handed to; call `closed()` when the socket closes. */
export interface HubConnection {
  receive(text: string): void
  closed(): void
}

const POLICY_VIOLATION = 1008
/** Copies of one publish arrive within milliseconds of each other; a few seconds is ample. */
const DUPLICATE_WINDOW_MS = 5000
const MAX_RECENT_FRAMES = 20_000

/**
 * The switchboard of a y-webrtc-compatible signaling server, bridged with other servers. Topics
 * are subscribed by sockets; a publish goes to the topic's subscribers. Across servers there is
 * exactly one connection per pair of cores, so each message travels once:
 * - from a local socket: to the topic's sockets (local and LAN) and over every outgoing link;
 * - from a LAN socket: to the topic's other sockets (never back over links: the sender's core reached those itself);
 * - from an outgoing link: to local sockets only.
 * Outgoing links subscribe, on the servers they reach, to every topic a local socket holds.
 * A publish that comes back by a second path (three cores link in a triangle; a LAN link and an
 * internet server reach the same core) is dropped: each is passed on once (RecentFrames).
 */
export class SignalingHub {
  private readonly topics = new Map<string, Set<Member>>()
  private readonly links = new Set<OutgoingLink>()
  private readonly topicListeners = new Set<(added: string[], removed: string[]) => void>()
  private readonly members = new Set<Member>()
  private readonly recent = new RecentFrames(DUPLICATE_WINDOW_MS, MAX_RECENT_FRAMES)

  constructor(private readonly log: Logger) {}

  connect(socket: SignalingSocket, origin: SocketOrigin): HubConnection {
    const member: Member = { socket, origin, topics: new Set(), announcements: new Map(), awaitingAnnouncement: new Set() }
    this.members.add(member)
    const bucket = tokenBucket(SIGNALING_LIMITS.messagesPerSecond, SIGNALING_LIMITS.burst)
    let open = true
    const drop = (reason: string): void => {
      if (!open) return
      this.log.warn(`Signaling: closed a ${origin} connection: ${reason}.`)
      socket.close(POLICY_VIOLATION, reason)
      this.leave(member)
      open = false
    }
    return {
      receive: (text) => {
        if (!open) return
        if (!bucket.take()) return drop('too many messages')
        let message: SignalingMessage
        try {
          message = parseSignalingMessage(text)
        } catch (error) {
          if (error instanceof SignalingProtocolError) return drop(error.message)
          throw error
        }
        this.handle(member, message, drop)
      },
      closed: () => {
        if (open) this.leave(member)
        open = false
      }
    }
  }

  /** Topics at least one local socket holds: what outgoing links subscribe to. */
  localTopics(): string[] {
    return [...this.topics].filter(([, members]) => [...members].some((m) => m.origin === 'local')).map(([topic]) => topic)
  }

  /** Calls the listener when the set of topics held by local sockets changes, so links can follow. */
  followLocalTopics(listener: (added: string[], removed: string[]) => void): () => void {
    this.topicListeners.add(listener)
    return () => this.topicListeners.delete(listener)
  }

  /**
   * The announcements of this app's own pages, for a link that just opened: y-webrtc announces a
   * room only when it joins, so pages that joined before the link existed would stay unknown to
   * the cores on its other end. Replaying them reaches only the new peers, loses nothing and
   * leaves every existing connection alone. Only the core that opens a link does this, so the
   * two pages do not both start the connection (y-webrtc's glare).
   */
  replayAnnouncements(send: (frame: string) => void): void {
    for (const member of this.members) {
      if (member.origin !== 'local') continue
      for (const frame of member.announcements.values()) send(frame)
    }
  }

  addLink(link: OutgoingLink): () => void {
    this.links.add(link)
    return () => this.links.delete(link)
  }

  /** A message that arrived over an outgoing link: only publishes are passed on, to local sockets. */
  fromLink(text: string): void {
    let message: SignalingMessage
    try {
      message = parseSignalingMessage(text)
    } catch {
      return
    }
    if (message.type !== 'publish') return
    const frame = JSON.stringify(message)
    if (!this.recent.firstSight(frame)) return
    for (const member of this.topics.get(message.topic) ?? []) if (member.origin === 'local') this.sendTo(member, frame)
  }

  private handle(member: Member, message: SignalingMessage, drop: (reason: string) => void): void {
    switch (message.type) {
      case 'subscribe': {
        if (member.topics.size + message.topics.length > SIGNALING_LIMITS.maxTopicsPerSocket) return drop('too many topics')
        const fresh = message.topics.filter((topic) => !member.topics.has(topic))
        for (const topic of fresh) member.awaitingAnnouncement.add(topic)
        const added = fresh.filter((topic) => this.subscribe(member, topic))
        if (added.length > 0) this.localTopicsChanged(added, [])
        return
      }
      case 'unsubscribe': {
        const removed = message.topics.filter((topic) => this.unsubscribe(member, topic))
        if (member.origin === 'local' && removed.length > 0) this.localTopicsChanged([], removed)
        return
      }
      case 'publish': {
        const frame = JSON.stringify(message)
        if (!this.recent.firstSight(frame)) return
        if (member.origin === 'local' && member.awaitingAnnouncement.delete(message.topic)) member.announcements.set(message.topic, frame)
        for (const receiver of this.topics.get(message.topic) ?? []) {
          // A stock server echoes to the sender too; y-webrtc ignores its own messages, so skip it.
          if (receiver !== member) this.sendTo(receiver, frame)
        }
        if (member.origin === 'local') for (const link of this.links) link.send(frame)
        return
      }
      case 'ping':
        this.sendTo(member, JSON.stringify({ type: 'pong' }))
        return
      case 'pong':
        return
    }
  }

  /** True when this made the topic newly local (the first local subscriber). */
  private subscribe(member: Member, topic: string): boolean {
    if (member.topics.has(topic)) return false
    member.topics.add(topic)
    let members = this.topics.get(topic)
    if (!members) this.topics.set(topic, (members = new Set()))
    const wasLocal = [...members].some((m) => m.origin === 'local')
    members.add(member)
    return member.origin === 'local' && !wasLocal
  }

  /** True when the topic no longer has a local subscriber because of this. */
  private unsubscribe(member: Member, topic: string): boolean {
    member.announcements.delete(topic)
    member.awaitingAnnouncement.delete(topic)
    if (!member.topics.delete(topic)) return false
    const members = this.topics.get(topic)
    if (!members) return false
    members.delete(member)
    if (members.size === 0) this.topics.delete(topic)
    return member.origin === 'local' && ![...members].some((m) => m.origin === 'local')
  }

  private leave(member: Member): void {
    this.members.delete(member)
    const removed = [...member.topics].filter((topic) => this.unsubscribe(member, topic))
    if (member.origin === 'local' && removed.length > 0) this.localTopicsChanged([], removed)
  }

  private localTopicsChanged(added: string[], removed: string[]): void {
    for (const listener of this.topicListeners) listener(added, removed)
  }

  private sendTo(member: Member, frame: string): void {
    try {
      member.socket.send(frame)
    } catch {
      // A socket that cannot take a frame is closing; its close event removes it.
    }
  }
}
