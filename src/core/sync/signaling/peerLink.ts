import { WebSocket } from 'ws'
import type { SignalingHub } from './signalingHub'
import { SIGNALING_LIMITS } from './signalingMessages'
import { rawText } from './wsSignalingSocket'

const RETRY_MS = [500, 1000, 2000, 5000]
const PING_MS = 20_000

/**
 * This core's connection to another signaling server: it subscribes there to the topics this
 * app's own windows hold, carries their publishes out and brings the answers back. Reconnects
 * until closed.
 */
export class PeerLink {
  private ws: WebSocket | null = null
  private attempt = 0
  private closed = false
  private timer: NodeJS.Timeout | null = null
  private readonly unlink: () => void
  private readonly unfollow: () => void

  constructor(
    readonly url: string,
    private readonly hub: SignalingHub
  ) {
    this.unlink = hub.addLink({ send: (text) => this.sendIfOpen(text) })
    this.unfollow = hub.followLocalTopics((added, removed) => {
      if (added.length > 0) this.sendIfOpen(JSON.stringify({ type: 'subscribe', topics: added }))
      if (removed.length > 0) this.sendIfOpen(JSON.stringify({ type: 'unsubscribe', topics: removed }))
    })
    this.open()
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  close(): void {
    this.closed = true
    this.unlink()
    this.unfollow()
    if (this.timer) clearTimeout(this.timer)
    this.ws?.terminate()
  }

  private open(): void {
    const ws = new WebSocket(this.url, { maxPayload: SIGNALING_LIMITS.maxMessageBytes, handshakeTimeout: 5000 })
    this.ws = ws
    let ping: NodeJS.Timeout | null = null
    ws.on('open', () => {
      this.attempt = 0
      ws.send(JSON.stringify({ type: 'subscribe', topics: this.hub.localTopics() }))
      // The pages here announced themselves before this link existed: tell the other side.
      this.hub.replayAnnouncements((frame) => ws.send(frame))
      ping = setInterval(() => ws.send(JSON.stringify({ type: 'ping' })), PING_MS)
    })
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.hub.fromLink(rawText(data))
    })
    ws.on('error', () => undefined)
    ws.on('close', () => {
      if (ping) clearInterval(ping)
      if (this.closed) return
      const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]
      this.timer = setTimeout(() => this.open(), delay)
    })
  }

  private sendIfOpen(text: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text)
  }
}
