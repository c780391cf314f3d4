import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SignalingHub, type SocketOrigin } from '../../../../../src/core/sync/signaling/signalingHub'
import { SIGNALING_LIMITS } from '../../../../../src/core/sync/signaling/signalingMessages'

interface FakeSocket {
  sent: unknown[]
  closed: { code: number; reason: string } | null
  send(text: string): void
  receive(message: unknown): void
}

function socketOn(hub: SignalingHub, origin: SocketOrigin): FakeSocket {
  const socket: FakeSocket = {
    sent: [],
    closed: null,
    send: (text) => socket.sent.push(JSON.parse(text)),
    receive: (message) => connection.receive(typeof message === 'string' ? message : JSON.stringify(message))
  }
  const connection = hub.connect(
    {
      send: (text) => socket.send(text),
      close: (code, reason) => {
        socket.closed = { code, reason }
        connection.closed()
      }
    },
    origin
  )
  return socket
}

const log = { warn: vi.fn(), error: vi.fn() }
const publish = (topic: string, data: unknown) => ({ type: 'publish', topic, data })

describe('signaling hub', () => {
  let hub: SignalingHub
  beforeEach(() => {
    hub = new SignalingHub(log)
  })

  it('passes a publish to the topic’s other subscribers, not to the sender or other topics, and answers ping', () => {
    const [a, b, c] = [socketOn(hub, 'local'), socketOn(hub, 'lan'), socketOn(hub, 'local')]
    a.receive({ type: 'subscribe', topics: ['room'] })
    b.receive({ type: 'subscribe', topics: ['room'] })
    c.receive({ type: 'subscribe', topics: ['other'] })
    a.receive(publish('room', 'offer'))
    expect(b.sent).toEqual([publish('room', 'offer')])
    expect(a.sent).toEqual([])
    expect(c.sent).toEqual([])
    c.receive({ type: 'ping' })
    expect(c.sent).toEqual([{ type: 'pong' }])
  })

  it('bridges: local publishes go over links, LAN publishes do not, and link messages reach local sockets only', () => {
    const local = socketOn(hub, 'local')
    const lan = socketOn(hub, 'lan')
    local.receive({ type: 'subscribe', topics: ['room'] })
    lan.receive({ type: 'subscribe', topics: ['room'] })
    const overLink: unknown[] = []
    hub.addLink({ send: (text) => overLink.push(JSON.parse(text)) })

    local.receive(publish('room', 'from local'))
    lan.receive(publish('room', 'from lan'))
    expect(overLink).toEqual([publish('room', 'from local')])

    hub.fromLink(JSON.stringify(publish('room', 'from link')))
    expect(local.sent).toEqual([publish('room', 'from lan'), publish('room', 'from link')])
    expect(lan.sent).toEqual([publish('room', 'from local')])
  })

  it('tells links which topics local sockets hold, as they come and go', () => {
    const changes: [string[], string[]][] = []
    hub.followLocalTopics((added, removed) => changes.push([added, removed]))
    const a = socketOn(hub, 'local')
    const b = socketOn(hub, 'local')
    socketOn(hub, 'lan').receive({ type: 'subscribe', topics: ['lan-only'] })
    a.receive({ type: 'subscribe', topics: ['x', 'y'] })
    b.receive({ type: 'subscribe', topics: ['x'] })
    a.receive({ type: 'unsubscribe', topics: ['x'] })
    expect(hub.localTopics().sort()).toEqual(['x', 'y'])
    b.receive({ type: 'unsubscribe', topics: ['x'] })
    expect(changes).toEqual([
      [['x', 'y'], []],
      [[], ['x']]
    ])
    expect(hub.localTopics()).toEqual(['y'])
  })

  it('closes a connection that sends what is not the protocol, too much, or too often, and forgets its topics', () => {
    for (const bad of ['not json', JSON.stringify({ type: 'subscribe', topics: 'room' }), JSON.stringify({ type: 'publish' }), 'x'.repeat(SIGNALING_LIMITS.maxMessageBytes + 1)]) {
      const socket = socketOn(hub, 'lan')
      socket.receive({ type: 'subscribe', topics: ['room'] })
      socket.receive(bad)
      expect(socket.closed?.code, bad.slice(0, 40)).toBe(1008)
    }
    const tooMany = socketOn(hub, 'lan')
    tooMany.receive({ type: 'subscribe', topics: Array.from({ length: SIGNALING_LIMITS.maxTopicsPerSocket }, (_, i) => `t${i}`) })
    tooMany.receive({ type: 'subscribe', topics: ['one-more'] })
    expect(tooMany.closed?.reason).toBe('too many topics')

    const chatty = socketOn(hub, 'lan')
    for (let i = 0; i < SIGNALING_LIMITS.burst + 10 && !chatty.closed; i++) chatty.receive({ type: 'ping' })
    expect(chatty.closed?.reason).toBe('too many messages')

    // None of them receives anything any more.
    const sender = socketOn(hub, 'local')
    sender.receive(publish('room', 'after'))
    expect(hub.localTopics()).toEqual([])
  })

  it('replays each local page’s announcement (its first publish on a topic) for a new link, and nothing else', () => {
    const local = socketOn(hub, 'local')
    local.receive({ type: 'subscribe', topics: ['room', 'other'] })
    local.receive(publish('room', 'announce'))
    local.receive(publish('room', 'offer'))
    local.receive(publish('other', 'announce-other'))
    const lan = socketOn(hub, 'lan')
    lan.receive({ type: 'subscribe', topics: ['room'] })
    lan.receive(publish('room', 'lan announce'))
    const replayed: unknown[] = []
    hub.replayAnnouncements((frame) => replayed.push(JSON.parse(frame)))
    expect(replayed).toEqual([publish('room', 'announce'), publish('other', 'announce-other')])
    expect(local.closed).toBeNull()

    // A page that leaves a room (or the hub) takes its announcement with it.
    local.receive({ type: 'unsubscribe', topics: ['other'] })
    replayed.length = 0
    hub.replayAnnouncements((frame) => replayed.push(JSON.parse(frame)))
    expect(replayed).toEqual([publish('room', 'announce')])
  })
})
