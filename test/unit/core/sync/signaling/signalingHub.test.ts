import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REANNOUNCE_CLOSE_CODE, SignalingHub, type SocketOrigin } from '../../../../../src/core/sync/signaling/signalingHub'
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
  afterEach(() => vi.useRealTimers())

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

  it('asks the local sockets of the topics a new link reaches to announce again, once, and no others', () => {
    vi.useFakeTimers()
    const local = socketOn(hub, 'local')
    const bystander = socketOn(hub, 'local')
    local.receive({ type: 'subscribe', topics: ['room'] })
    bystander.receive({ type: 'subscribe', topics: ['elsewhere'] })
    hub.reannounce(['room', 'unknown'])
    hub.reannounce(['room'])
    vi.advanceTimersByTime(300)
    expect(local.closed?.code).toBe(REANNOUNCE_CLOSE_CODE)
    expect(bystander.closed).toBeNull()
  })

  it('does not ask local sockets to announce again when another core subscribes (that core announces)', () => {
    vi.useFakeTimers()
    const local = socketOn(hub, 'local')
    local.receive({ type: 'subscribe', topics: ['room'] })
    socketOn(hub, 'lan').receive({ type: 'subscribe', topics: ['room'] })
    vi.advanceTimersByTime(300)
    expect(local.closed).toBeNull()
  })
})
