import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { DocSession, HELD_CALL_INTERVAL_MS, MIN_CALL_INTERVAL_MS, type SaveState } from '../../../../src/renderer/src/lib/docSession'
import { UpdateHold } from '../../../../src/renderer/src/lib/updateHold'
import type { CoreClient } from '../../../../src/shared/contracts'
import { MAX_UPDATE_BYTES } from '../../../../src/shared/contracts/docs'
import { docFrom, expectSameState, Peer, randomChange, seededRandom, undoManagerFor } from '../../shared/docs/randomEdits'

interface AppendCall {
  updates: Uint8Array[]
  settle(ok: boolean): void
}

/** A core whose append calls stay in flight until the test settles them. */
class FakeCore {
  readonly stored: Uint8Array[] = []
  readonly inFlight: AppendCall[] = []
  /** The open change streams: each is told what other writers store. */
  readonly streams = new Set<(updates: Uint8Array[]) => void>()
  readonly client = {
    docs: {
      changes: (_input: unknown, { signal }: { signal: AbortSignal }) => Promise.resolve(this.changeStream(signal)),
      create: () => Promise.resolve({ created: true }),
      load: () => Promise.resolve({ updates: [...this.stored], updateCount: this.stored.length }),
      append: ({ updates }: { updates: Uint8Array[] }) =>
        new Promise((resolve, reject) => {
          this.inFlight.push({
            updates,
            settle: (ok) => {
              if (!ok) return reject(new Error('The disk is full.'))
              this.stored.push(...updates)
              resolve({ durable: true })
            }
          })
        })
    }
  } as unknown as CoreClient

  /** Another writer (a headless-mode client, another window) stores updates; open sessions are told. */
  storeFromElsewhere(updates: Uint8Array[]): void {
    this.stored.push(...updates)
    for (const tell of this.streams) tell(updates)
  }

  private async *changeStream(signal: AbortSignal): AsyncGenerator<{ updates: Uint8Array[] }> {
    const queue: Uint8Array[][] = []
    let wake = (): void => undefined
    const tell = (updates: Uint8Array[]): void => {
      queue.push(updates)
      wake()
    }
    this.streams.add(tell)
    signal.addEventListener('abort', () => wake())
    try {
      while (!signal.aborted) {
        const updates = queue.shift()
        if (updates) yield { updates }
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      this.streams.delete(tell)
    }
  }

  /** Settles the oldest call in flight and lets the session react, past the pause between calls. */
  async settle(ok: boolean): Promise<void> {
    this.inFlight.shift()?.settle(ok)
    await tick()
    await vi.advanceTimersByTimeAsync(MIN_CALL_INTERVAL_MS)
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

async function open(core: FakeCore): Promise<{ session: DocSession; states: SaveState['status'][] }> {
  const session = await DocSession.open(core.client, 'paper', 'draft')
  const states: SaveState['status'][] = []
  session.onSaveState((state) => states.push(state.status))
  return { session, states }
}

/** Settles calls (successfully) and runs retry timers until the session says everything is durable. */
async function saveAll(core: FakeCore, session: DocSession): Promise<void> {
  const progress = { saved: false }
  void session.whenSaved().then(() => (progress.saved = true))
  while (!progress.saved) {
    if (core.inFlight.length > 0) await core.settle(true)
    else await vi.advanceTimersByTimeAsync(10_000)
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('DocSession', () => {
  it('sends the changes of one task as one update and says saved once it is durable', async () => {
    const core = new FakeCore()
    const { session, states } = await open(core)
    const text = session.doc.getText('text')
    text.insert(0, 'hello')
    text.insert(5, ' world')
    text.delete(0, 1)
    expect(session.saveState.status).toBe('saving')
    await tick()

    expect(core.inFlight.map((call) => call.updates.length)).toEqual([1])
    await core.settle(true)
    expect(states).toEqual(['saving', 'saved'])
    await session.whenSaved()
    expect(docFrom(core.stored).getText('text').toJSON()).toBe('ello world')
  })

  it('sends the changes made while a call is in flight in the next call', async () => {
    const core = new FakeCore()
    const { session } = await open(core)
    const text = session.doc.getText('text')
    text.insert(0, 'one')
    await tick()
    text.insert(3, ' two')
    await tick()
    text.insert(7, ' three')
    await tick()
    expect(core.inFlight).toHaveLength(1)

    await core.settle(true)
    expect(core.inFlight.map((call) => call.updates.length)).toEqual([1])
    await core.settle(true)
    expect(session.saveState.status).toBe('saved')
    expectSameState(core.stored, session.doc)
  })

  it('gathers a burst of changes into one call per interval, and sends a change after a pause at once', async () => {
    const core = new FakeCore()
    const { session } = await open(core)
    const text = session.doc.getText('text')
    text.insert(0, 'a')
    await tick()
    core.inFlight.shift()?.settle(true)
    for (const letter of 'bcdef') {
      text.insert(text.length, letter)
      await tick()
    }
    expect(core.inFlight).toHaveLength(0)
    expect(session.saveState.status).toBe('saving')

    await vi.advanceTimersByTimeAsync(MIN_CALL_INTERVAL_MS)
    expect(core.inFlight.map((call) => call.updates.length)).toEqual([1])
    await core.settle(true)
    expect(session.saveState.status).toBe('saved')
    expectSameState(core.stored, session.doc)

    await vi.advanceTimersByTimeAsync(MIN_CALL_INTERVAL_MS)
    text.insert(text.length, 'g')
    await tick()
    expect(core.inFlight).toHaveLength(1)
  })

  it('while a gesture holds the document, spaces its calls further and says saving until the gesture ends', async () => {
    const core = new FakeCore()
    const { session, states } = await open(core)
    const hold = new UpdateHold()
    session.holdFor(hold)
    const layer = session.doc.getMap('layer')
    /** A change sent at once, then another one right behind it: how long until the second call starts? */
    const twoMoves = async (x: number, wait: number): Promise<number> => {
      layer.set('x', x)
      await tick()
      core.inFlight.shift()?.settle(true)
      layer.set('x', x + 1)
      await vi.advanceTimersByTimeAsync(wait)
      const started = core.inFlight.length
      await saveAll(core, session)
      return started
    }

    hold.begin()
    expect(await twoMoves(0, MIN_CALL_INTERVAL_MS)).toBe(0)
    expect(await twoMoves(10, HELD_CALL_INTERVAL_MS)).toBe(1)
    // Everything is durable, yet the gesture goes on: no "saved" yet.
    await tick()
    expect(session.saveState.status).toBe('saving')
    expect(states).not.toContain('saved')
    hold.end()
    await tick()
    expect(session.saveState.status).toBe('saved')
    expect(states.at(-1)).toBe('saved')

    await vi.advanceTimersByTimeAsync(HELD_CALL_INTERVAL_MS)
    expect(await twoMoves(20, MIN_CALL_INTERVAL_MS)).toBe(1)
    expect(layer.get('x')).toBe(21)
    expectSameState(core.stored, session.doc)
  })

  it('retries a failed call with the same updates, followed by later changes', async () => {
    const core = new FakeCore()
    const { session, states } = await open(core)
    const text = session.doc.getText('text')
    text.insert(0, 'kept')
    await tick()
    const failed = core.inFlight[0]?.updates
    await core.settle(false)
    expect(session.saveState).toEqual({ status: 'failed', message: 'The disk is full.' })
    text.insert(4, ' and more')
    await vi.advanceTimersByTimeAsync(500)

    expect(core.inFlight[0]?.updates.slice(0, 1)).toEqual(failed)
    expect(core.inFlight[0]?.updates).toHaveLength(2)
    await core.settle(true)
    expect(states).toEqual(['saving', 'failed', 'saving', 'saved'])
    expectSameState(core.stored, session.doc)
  })

  it('splits the changes of a long wait into updates the core accepts', async () => {
    const core = new FakeCore()
    const { session } = await open(core)
    const text = session.doc.getText('text')
    text.insert(0, 'first')
    await tick()
    for (let i = 0; i < 5; i++) text.insert(0, 'x'.repeat(60_000))
    await core.settle(true)

    const updates = core.inFlight[0]?.updates ?? []
    expect(updates).toHaveLength(3)
    for (const update of updates) expect(update.byteLength).toBeLessThan(MAX_UPDATE_BYTES / 10)
    await core.settle(true)
    expectSameState(core.stored, session.doc)
  })

  it('takes in what was stored meanwhile by another writer, without sending it back', async () => {
    const core = new FakeCore()
    const { session } = await open(core)
    const other = new Y.Doc()
    other.getText('text').insert(0, 'written by the relay')
    core.stored.push(Y.encodeStateAsUpdate(other))
    expect(session.doc.getText('text').toJSON()).toBe('')

    await session.reload()
    await tick()
    expect(session.doc.getText('text').toJSON()).toBe('written by the relay')
    expect(core.inFlight).toHaveLength(0)
    expect(session.saveState.status).toBe('saved')
  })

  it('shows what another writer stores while it is open, without storing it again, and stops following once closed', async () => {
    const core = new FakeCore()
    const { session } = await open(core)
    await tick()
    expect(core.streams.size).toBe(1)
    const other = new Y.Doc()
    other.getText('text').insert(0, 'typed in another window')
    core.storeFromElsewhere([Y.encodeStateAsUpdate(other)])
    await tick()

    expect(session.doc.getText('text').toJSON()).toBe('typed in another window')
    expect(core.inFlight).toHaveLength(0)
    expect(session.saveState.status).toBe('saved')

    await session.close()
    await tick()
    expect(core.streams.size).toBe(0)
  })

  it('sends nothing back of what it loaded, even when part of it is pending', async () => {
    const core = new FakeCore()
    const writer = new Peer(2, seededRandom(1))
    writer.edit(new Y.Doc())
    writer.edit(writer.doc)
    for (let update = writer.release(); update; update = writer.release()) core.stored.push(update)
    core.stored.shift() // what the rest depends on is missing: the rest stays pending
    const { session } = await open(core)
    await tick()

    expect(core.inFlight).toHaveLength(0)
    expect(session.saveState.status).toBe('saved')
  })

  it('loses nothing over random edits, undo, pending updates, calls in flight and failed calls', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed)
      const core = new FakeCore()
      const writer = new Peer(2, random)
      writer.edit(new Y.Doc())
      for (let update = writer.release(); update; update = writer.release()) core.stored.push(update)
      const { session } = await open(core)
      session.doc.clientID = 1
      const remote = new Peer(3, random)
      const undo = undoManagerFor(session.doc)

      for (let step = 0; step < 60; step++) {
        const roll = random()
        if (roll < 0.5) randomChange(session.doc, random, undo)
        else if (roll < 0.6) {
          const update = remote.release()
          if (update) Y.applyUpdate(session.doc, update)
        } else if (roll < 0.65) remote.edit(session.doc)
        else if (roll < 0.75) await tick()
        else if (roll < 0.85) await core.settle(true)
        else if (roll < 0.9) await core.settle(false)
        else await vi.advanceTimersByTimeAsync(1000)
      }
      await saveAll(core, session)

      expectSameState(core.stored, session.doc)
      await session.close()
    }
  })
})
