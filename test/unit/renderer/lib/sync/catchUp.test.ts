import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { DocSession } from '../../../../../src/renderer/src/lib/docSession'
import { CatchUp, MAX_BACKGROUND_ROOMS } from '../../../../../src/renderer/src/lib/sync/catchUp'
import type { DocSyncState, SyncedDoc, SyncTarget, TeamSync } from '../../../../../src/renderer/src/lib/sync/teamSync'
import type { CoreClient } from '../../../../../src/shared/contracts'
import { WORKSPACE_INDEX_ID } from '../../../../../src/shared/contracts/docs'
import { addDocument, touchDraft, type ListedKind } from '../../../../../src/shared/workspace/workspaceIndex'

/** The catch-up's timing (private in catchUp.ts): it looks once a second. */
const TICK_MS = 1000
/** A fetch no teammate serves is given up after this long... */
const FETCH_TIMEOUT_MS = 20_000
/** ...and tried again this long after. */
const RETRY_AFTER_MS = 30_000
/** A served room stays open this long after teammates stopped asking for it. */
const SERVE_GRACE_MS = 5000

type Marker = { docId: string; marker: number }

/**
 * The core as the catch-up and DocSession use it: documents are created and loaded empty (or a
 * load hangs), appends are durable at once unless held back, and the team's markers are recorded.
 */
class FakeCore {
  readonly created: { docId: string; kind: string }[] = []
  /** Every markSynced call's markers, in order. */
  readonly markSynced: Marker[][] = []
  /** Documents whose load never answers. */
  readonly hanging = new Set<string>()
  /** Documents whose load answers only after 1.5 s. */
  readonly slow = new Set<string>()
  holdAppends = false
  private readonly heldAppends: (() => void)[] = []

  constructor(private readonly markers: Record<string, number> = {}) {}

  readonly client = {
    docs: {
      // No other writer stores anything: the stream stays open, silent, until the session closes.
      changes: (_input: unknown, { signal }: { signal: AbortSignal }) =>
        Promise.resolve(
          (async function* () {
            await new Promise((resolve) => signal.addEventListener('abort', resolve))
            yield* []
          })()
        ),
      create: (input: { docId: string; kind: string }) => {
        this.created.push(input)
        return Promise.resolve({ created: true })
      },
      load: ({ docId }: { docId: string }) => {
        if (this.hanging.has(docId)) return new Promise<never>(() => undefined)
        const loaded = { updates: [], updateCount: 0 }
        return this.slow.has(docId) ? new Promise((resolve) => setTimeout(() => resolve(loaded), 1500)) : Promise.resolve(loaded)
      },
      append: () =>
        new Promise((resolve) => {
          const done = () => resolve({ durable: true })
          if (this.holdAppends) this.heldAppends.push(done)
          else done()
        })
    },
    team: {
      markers: () => Promise.resolve({ markers: { ...this.markers } }),
      markSynced: ({ markers }: { markers: Marker[] }) => {
        this.markSynced.push(markers)
        return Promise.resolve({ recorded: markers.length })
      }
    }
  } as unknown as CoreClient

  releaseAppends(): void {
    this.holdAppends = false
    for (const done of this.heldAppends.splice(0)) done()
  }

  get createdIds(): string[] {
    return this.created.map((call) => call.docId)
  }

  /** The latest marker recorded per document. */
  get recorded(): Record<string, number> {
    return Object.fromEntries(this.markSynced.flat().map(({ docId, marker }) => [docId, marker]))
  }
}

interface Room {
  docId: string
  target: SyncTarget
  background: boolean
  stopped: boolean
  /** This window's awareness fields in the room. */
  announced: Record<string, unknown>
  synced: SyncedDoc
}

/**
 * TeamSync as the catch-up uses it. A document is "in its room" as soon as it is registered; the
 * test says which rooms are synced with a teammate and what teammates announce.
 */
class FakeTeamSync {
  shared = true
  /** Every room registered, in order, stopped or not. */
  readonly rooms: Room[] = []
  /** This window's awareness fields in the index's room. */
  readonly inIndex: Record<string, unknown> = {}
  /** The most background rooms open at once so far. */
  mostBackground = 0
  private readonly open = new Map<string, Room>()
  private readonly teammates = new Map<string, Record<string, unknown>>()
  private readonly syncedWithTeammate = new Set<string>()
  private readonly listeners = new Set<() => void>()

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  register(docId: string, target: SyncTarget, background = false): SyncedDoc {
    const current = this.open.get(docId)
    if (current?.background) current.synced.stop()
    const awareness = new Awareness(target.doc)
    const room: Room = {
      docId,
      target,
      background,
      stopped: false,
      announced: {},
      synced: {
        awareness,
        stop: () => {
          room.stopped = true
          awareness.destroy()
          if (this.open.get(docId) === room) this.open.delete(docId)
        }
      }
    }
    this.open.set(docId, room)
    this.rooms.push(room)
    this.mostBackground = Math.max(this.mostBackground, this.background().length)
    return room.synced
  }

  promote(docId: string): void {
    const room = this.open.get(docId)
    if (room) room.background = false
  }

  targetOf(docId: string): SyncTarget | null {
    return this.open.get(docId)?.target ?? null
  }

  openState(docId: string): 'closed' | 'background' | 'foreground' {
    const room = this.open.get(docId)
    if (!room) return 'closed'
    return room.background ? 'background' : 'foreground'
  }

  inRoom(docId: string): boolean {
    return this.open.has(docId)
  }

  statesIn(docId: string): Map<number, Record<string, unknown>> {
    const state = this.teammates.get(docId)
    const states = new Map<number, Record<string, unknown>>()
    if (state && (docId === WORKSPACE_INDEX_ID || this.open.has(docId))) states.set(7, state)
    return states
  }

  announce(docId: string, field: string, value: unknown): void {
    if (docId === WORKSPACE_INDEX_ID) this.inIndex[field] = value
    else {
      const room = this.open.get(docId)
      if (room) room.announced[field] = value
    }
  }

  stateOf(docId: string): DocSyncState {
    if (!this.open.has(docId)) return 'offline'
    return this.syncedWithTeammate.has(docId) ? 'synced' : 'no peers'
  }

  // What the test controls.

  /** The room is synced with a teammate that announces `serving: marker`. */
  servedBy(docId: string, marker: number | null): void {
    this.teammates.set(docId, { serving: marker })
    this.syncedWithTeammate.add(docId)
    for (const listener of this.listeners) listener()
  }

  /** A teammate asks for these documents in the index's room. */
  teammateWants(docIds: string[]): void {
    this.teammates.set(WORKSPACE_INDEX_ID, { want: docIds })
    for (const listener of this.listeners) listener()
  }

  /** Background rooms open now. */
  background(): string[] {
    return [...this.open.values()].filter((room) => room.background).map((room) => room.docId)
  }

  /** The last room registered for the document. */
  roomOf(docId: string): Room {
    const room = this.rooms.findLast((r) => r.docId === docId)
    if (!room) throw new Error(`No room was registered for ${docId}.`)
    return room
  }
}

interface Listed {
  id: string
  kind?: ListedKind
  editedAt: number
  version?: Uint8Array
}

function indexOf(docs: Listed[]): Y.Doc {
  const index = new Y.Doc()
  for (const { id, kind = 'draft', editedAt, version } of docs) {
    addDocument(index, id, kind, id, 1)
    touchDraft(index, id, editedAt, version)
  }
  return index
}

/** A teammate's copy of a document with an edit, its state vector and its content as an update. */
function teammateCopy(text: string): { stateVector: Uint8Array; update: Uint8Array } {
  const doc = new Y.Doc()
  doc.getText('text').insert(0, text)
  return { stateVector: Y.encodeStateVector(doc), update: Y.encodeStateAsUpdate(doc) }
}

/** Runs the catch-up's ticks (and what they start) for this long. */
const wait = (ms: number): Promise<void> => vi.advanceTimersByTimeAsync(ms).then(() => undefined)

let running: CatchUp[] = []

/** Stops a catch-up before the test ends. */
function stopCatchUp(catchUp: CatchUp): void {
  running = running.filter((c) => c !== catchUp)
  catchUp.stop()
}

async function startCatchUp(core: FakeCore, sync: FakeTeamSync, index: Y.Doc): Promise<CatchUp> {
  const catchUp = new CatchUp(core.client, sync as unknown as TeamSync, index)
  running.push(catchUp)
  await catchUp.start()
  // The first tick ran; let the rooms it opened load.
  await wait(0)
  return catchUp
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(1_000_000)
})

afterEach(() => {
  for (const catchUp of running) catchUp.stop()
  running = []
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('CatchUp', () => {
  it(`never has more than ${MAX_BACKGROUND_ROOMS} rooms open to fetch, however many documents are due`, async () => {
    const ids = Array.from({ length: 3 * MAX_BACKGROUND_ROOMS + 3 }, (_, i) => `draft-${i}`)
    const core = new FakeCore()
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf(ids.map((id) => ({ id, editedAt: 100 }))))

    expect(sync.background()).toHaveLength(MAX_BACKGROUND_ROOMS)
    expect(core.created).toHaveLength(MAX_BACKGROUND_ROOMS)
    expect(catchUp.progress).toEqual({ due: ids.length, fetched: 0 })
    // Each room open is asked for in the index's room, so a teammate serves it.
    await wait(TICK_MS)
    expect(sync.inIndex.want).toEqual(sync.background())

    // Nobody serves: still no more rooms.
    await wait(5 * TICK_MS)
    expect(sync.mostBackground).toBe(MAX_BACKGROUND_ROOMS)

    // Teammates serve what is asked for; rooms close and others open, never more than the bound.
    for (let round = 0; round < ids.length && Object.keys(core.recorded).length < ids.length; round++) {
      for (const docId of sync.background()) sync.servedBy(docId, 100)
      await wait(TICK_MS)
      expect(sync.background().length).toBeLessThanOrEqual(MAX_BACKGROUND_ROOMS)
    }
    await wait(TICK_MS)
    expect(core.recorded).toEqual(Object.fromEntries(ids.map((id) => [id, 100])))
    expect(sync.mostBackground).toBe(MAX_BACKGROUND_ROOMS)
    expect(sync.background()).toEqual([])
    expect(catchUp.progress).toEqual({ due: 0, fetched: ids.length })
  })

  it('does not fetch documents whose latest version this device holds (markers equal)', async () => {
    const core = new FakeCore({ held: 100, 'held-design': 300, older: 150 })
    const sync = new FakeTeamSync()
    const index = indexOf([
      { id: 'held', editedAt: 100 },
      { id: 'held-design', kind: 'design', editedAt: 300 },
      { id: 'older', editedAt: 200 },
      { id: 'never', editedAt: 300 }
    ])
    const catchUp = await startCatchUp(core, sync, index)
    await wait(10 * TICK_MS)

    expect(core.createdIds.sort()).toEqual(['never', 'older'])
    expect(catchUp.progress.due).toBe(2)
  })

  it('takes a fetched document as soon as its room syncs with a teammate serving it, not at the next tick', async () => {
    const core = new FakeCore({ doc: 100 })
    const sync = new FakeTeamSync()
    await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 500 }]))
    // Half way to the next tick, the room syncs.
    await wait(TICK_MS / 2)
    expect(core.markSynced).toEqual([])
    sync.servedBy('doc', 500)
    await wait(TICK_MS / 4)
    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 500 }]])
  })

  it('serves a document a teammate asks for as soon as the asking shows, not at the next tick', async () => {
    const core = new FakeCore({ doc: 500 })
    const sync = new FakeTeamSync()
    await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 500 }]))
    await wait(TICK_MS / 2)
    expect(sync.background()).toEqual([])
    sync.teammateWants(['doc'])
    await wait(TICK_MS / 4)
    expect(sync.background()).toEqual(['doc'])
    expect(sync.roomOf('doc').announced.serving).toBe(500)
  })

  it('records the marker and closes the room once synced with a teammate serving the latest version', async () => {
    const core = new FakeCore({ doc: 100 })
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 500 }]))
    const room = sync.roomOf('doc')
    expect(room.background).toBe(true)
    // A fetch room serves nothing.
    expect(room.announced.serving).toBeNull()
    const session = room.target
    if (!(session instanceof DocSession)) throw new Error('A background room syncs a DocSession.')
    const close = vi.spyOn(session, 'close')

    // Synced with a teammate who serves nothing: that says nothing about the version held.
    sync.servedBy('doc', null)
    await wait(3 * TICK_MS)
    expect(core.markSynced).toEqual([])
    expect(room.stopped).toBe(false)

    sync.servedBy('doc', 500)
    await wait(TICK_MS)
    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 500 }]])
    expect(room.stopped).toBe(true)
    expect(close).toHaveBeenCalledOnce()
    expect(sync.openState('doc')).toBe('closed')
    await wait(TICK_MS)
    expect(catchUp.progress).toEqual({ due: 0, fetched: 1 })

    // Held now: not fetched again.
    await wait(10 * TICK_MS)
    expect(core.created).toHaveLength(1)
    expect(core.markSynced).toHaveLength(1)
  })

  it('records only the older version a teammate serves, and tries again later for the latest', async () => {
    const core = new FakeCore()
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 500 }]))
    sync.servedBy('doc', 300)
    await wait(TICK_MS)

    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 300 }]])
    expect(sync.roomOf('doc').stopped).toBe(true)
    expect(catchUp.progress).toEqual({ due: 1, fetched: 0 })
    await wait(RETRY_AFTER_MS - 2 * TICK_MS)
    expect(core.created).toHaveLength(1)
    await wait(2 * TICK_MS)
    expect(core.created).toHaveLength(2)
  })

  it('confirms a copy open in the window that holds the recorded state vector, without a room, once it is saved', async () => {
    const latest = teammateCopy('the latest')
    const newer = teammateCopy('more than this window has')
    const core = new FakeCore()
    const sync = new FakeTeamSync()
    const index = indexOf([
      { id: 'held', editedAt: 700, version: latest.stateVector },
      { id: 'behind', editedAt: 800, version: newer.stateVector }
    ])
    // The window has both open; its copy of "held" holds the version "last edited" names, of "behind" not.
    const held = new Y.Doc()
    Y.applyUpdate(held, latest.update)
    let saved = (): void => undefined
    const whenSaved = new Promise<void>((resolve) => (saved = resolve))
    sync.register('held', { doc: held, whenSaved: () => whenSaved })
    sync.register('behind', { doc: new Y.Doc(), whenSaved: () => Promise.resolve() })

    const catchUp = await startCatchUp(core, sync, index)
    await wait(3 * TICK_MS)
    // Not before the copy is stored.
    expect(core.markSynced).toEqual([])

    saved()
    await wait(TICK_MS)
    expect(core.markSynced).toEqual([[{ docId: 'held', marker: 700 }]])
    expect(catchUp.progress.due).toBe(1)
    // No room of its own for either (both are open in the window).
    expect(core.created).toEqual([])
    expect(sync.rooms.map((room) => room.docId)).toEqual(['held', 'behind'])
  })

  it('confirms a background copy that comes to hold the recorded state vector once it is saved, and closes its room', async () => {
    const latest = teammateCopy('the latest')
    const core = new FakeCore()
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 700, version: latest.stateVector }]))
    const room = sync.roomOf('doc')

    // A teammate in the room (who announces no marker) sends it; storing it is slow.
    core.holdAppends = true
    Y.applyUpdate(room.target.doc, latest.update, 'peer')
    await wait(3 * TICK_MS)
    expect(core.markSynced).toEqual([])
    expect(room.stopped).toBe(false)

    core.releaseAppends()
    await wait(2 * TICK_MS)
    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 700 }]])
    expect(room.stopped).toBe(true)
    expect(catchUp.progress).toEqual({ due: 0, fetched: 1 })
  })

  it('hands an open background room over to the window, and no longer closes it', async () => {
    const core = new FakeCore()
    core.hanging.add('loading')
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(
      core,
      sync,
      indexOf([
        { id: 'doc', editedAt: 900 },
        { id: 'loading', editedAt: 900 }
      ])
    )
    const room = sync.roomOf('doc')

    expect(catchUp.handOver('not-open')).toBeNull()
    // A room whose copy has not loaded yet has nothing to hand over.
    expect(catchUp.handOver('loading')).toBeNull()

    const reload = vi.spyOn(DocSession.prototype, 'reload')
    const handed = catchUp.handOver('doc')
    expect(handed?.session).toBe(room.target)
    expect(handed?.synced).toBe(room.synced)
    // Loaded when the sweep opened it: what was stored since comes in with the hand-over.
    expect(reload).toHaveBeenCalledTimes(1)
    expect(sync.openState('doc')).toBe('foreground')
    const close = vi.spyOn(handed!.session, 'close')

    // Past the fetch timeout, and synced with a teammate serving the latest: the room stays the window's.
    await wait(FETCH_TIMEOUT_MS + 2 * TICK_MS)
    sync.servedBy('doc', 900)
    await wait(2 * TICK_MS)
    stopCatchUp(catchUp)
    expect(room.stopped).toBe(false)
    expect(close).not.toHaveBeenCalled()
    // The window's room counts what the teammate served; the window serves it from now on.
    expect(core.recorded).toEqual({ doc: 900 })
    expect(room.announced.serving).toBe(900)
    // Handed over once: the catch-up holds it no more.
    expect(catchUp.handOver('doc')).toBeNull()
  })

  it('holdAll records every listed document, drafts and designs, as held', async () => {
    const core = new FakeCore({ a: 50 })
    const sync = new FakeTeamSync()
    sync.shared = false
    const index = indexOf([
      { id: 'a', editedAt: 100 },
      { id: 'b', kind: 'design', editedAt: 200 },
      { id: 'c', editedAt: 300 }
    ])
    const catchUp = await startCatchUp(core, sync, index)
    await wait(TICK_MS)
    expect(core.created).toEqual([])

    await catchUp.holdAll()
    expect(core.markSynced).toHaveLength(1)
    expect(core.markSynced[0]).toEqual(
      expect.arrayContaining([
        { docId: 'a', marker: 100 },
        { docId: 'b', marker: 200 },
        { docId: 'c', marker: 300 }
      ])
    )
    expect(core.markSynced[0]).toHaveLength(3)

    // Now shared: nothing is due.
    sync.shared = true
    await wait(3 * TICK_MS)
    expect(core.created).toEqual([])
    expect(catchUp.progress).toEqual({ due: 0, fetched: 0 })
  })

  it('holdAll records nothing for an empty index', async () => {
    const core = new FakeCore()
    const catchUp = await startCatchUp(core, new FakeTeamSync(), new Y.Doc())
    await catchUp.holdAll()
    expect(core.markSynced).toEqual([])
  })

  it('opens designs as designs and drafts as drafts, to fetch and to serve', async () => {
    const core = new FakeCore({ 'served-design': 10, 'served-draft': 20 })
    const sync = new FakeTeamSync()
    sync.teammateWants(['served-design', 'served-draft'])
    await startCatchUp(
      core,
      sync,
      indexOf([
        { id: 'a-draft', editedAt: 100 },
        { id: 'a-design', kind: 'design', editedAt: 100 },
        { id: 'served-design', kind: 'design', editedAt: 10 },
        { id: 'served-draft', editedAt: 20 }
      ])
    )

    expect([...core.created].sort((a, b) => a.docId.localeCompare(b.docId))).toEqual([
      { docId: 'a-design', kind: 'design' },
      { docId: 'a-draft', kind: 'draft' },
      { docId: 'served-design', kind: 'design' },
      { docId: 'served-draft', kind: 'draft' }
    ])
  })

  it('gives up a fetch no teammate serves after its timeout and tries again only after the retry delay', async () => {
    const core = new FakeCore()
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 100 }]))
    const first = sync.roomOf('doc')

    await wait(FETCH_TIMEOUT_MS - TICK_MS)
    expect(first.stopped).toBe(false)
    expect(sync.inIndex.want).toEqual(['doc'])
    await wait(2 * TICK_MS)
    expect(first.stopped).toBe(true)
    expect(sync.inIndex.want).toEqual([])
    expect(core.markSynced).toEqual([])

    // Given up at most one tick after the timeout: not tried again before the retry delay has passed.
    await wait(RETRY_AFTER_MS - 2 * TICK_MS)
    expect(core.created).toHaveLength(1)
    expect(sync.background()).toEqual([])
    await wait(2 * TICK_MS)
    expect(core.created).toHaveLength(2)
    expect(sync.roomOf('doc')).not.toBe(first)
    expect(sync.roomOf('doc').stopped).toBe(false)
    expect(catchUp.progress).toEqual({ due: 1, fetched: 0 })
  })

  it(`serves what teammates ask for and holds, in at most ${MAX_BACKGROUND_ROOMS} rooms, closing them once no longer asked for`, async () => {
    const ids = Array.from({ length: 2 * MAX_BACKGROUND_ROOMS }, (_, i) => `held-${i}`)
    const core = new FakeCore(Object.fromEntries(ids.map((id, i) => [id, 100 + i])))
    const sync = new FakeTeamSync()
    sync.teammateWants([...ids, 'not-held'])
    const catchUp = await startCatchUp(core, sync, indexOf(ids.map((id, i) => ({ id, editedAt: 100 + i }))))

    expect(sync.background()).toHaveLength(MAX_BACKGROUND_ROOMS)
    expect(core.createdIds).not.toContain('not-held')
    for (const docId of sync.background()) expect(sync.roomOf(docId).announced.serving).toBe(100 + ids.indexOf(docId))
    expect(catchUp.progress.due).toBe(0)

    // Still asked for: kept open past the grace.
    await wait(2 * SERVE_GRACE_MS)
    expect(sync.background()).toHaveLength(MAX_BACKGROUND_ROOMS)
    expect(sync.mostBackground).toBe(MAX_BACKGROUND_ROOMS)

    // Asked for no more: closed once the grace has passed (and no others opened).
    sync.teammateWants([])
    await wait(SERVE_GRACE_MS - TICK_MS)
    expect(sync.background()).toHaveLength(MAX_BACKGROUND_ROOMS)
    await wait(2 * TICK_MS)
    expect(sync.background()).toEqual([])
    expect(core.created).toHaveLength(MAX_BACKGROUND_ROOMS)
    expect(core.markSynced).toEqual([])
  })

  it('counts this window’s own edits in the index as held, and fetches a teammate’s', async () => {
    const core = new FakeCore({ doc: 100 })
    const sync = new FakeTeamSync()
    const index = indexOf([{ id: 'doc', editedAt: 100 }])
    await startCatchUp(core, sync, index)

    touchDraft(index, 'doc', 200)
    await wait(3 * TICK_MS)
    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 200 }]])
    expect(core.created).toEqual([])

    // The same change from a teammate (through the index's room) makes it due.
    const teammate = new Y.Doc()
    Y.applyUpdate(teammate, Y.encodeStateAsUpdate(index))
    touchDraft(teammate, 'doc', 300)
    Y.applyUpdate(index, Y.encodeStateAsUpdate(teammate, Y.encodeStateVector(index)), 'peer')
    await wait(TICK_MS)
    expect(core.markSynced).toHaveLength(1)
    expect(core.createdIds).toEqual(['doc'])
  })

  it('settles a document whose "last edited" in the index is older than this device’s own (concurrent touches, clocks that differ)', async () => {
    // This device touched it at 1005; a teammate's concurrent touch at 1000 won the index entry.
    const core = new FakeCore({ doc: 1005 })
    const sync = new FakeTeamSync()
    const catchUp = await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 1000 }]))
    expect(core.createdIds).toEqual(['doc'])
    sync.servedBy('doc', 1000)
    await wait(2 * TICK_MS)
    expect(core.markSynced).toEqual([[{ docId: 'doc', marker: 1000 }]])
    expect(catchUp.progress).toEqual({ due: 0, fetched: 1 })
    // Held now: no room opens and closes again and again.
    await wait(10 * TICK_MS)
    expect(core.created).toHaveLength(1)
  })

  it('gives a slot whose copy never loads to another document after the timeout', async () => {
    const ids = Array.from({ length: MAX_BACKGROUND_ROOMS + 1 }, (_, i) => `doc-${i}`)
    const core = new FakeCore()
    for (const id of ids) core.hanging.add(id)
    const sync = new FakeTeamSync()
    await startCatchUp(core, sync, indexOf(ids.map((id) => ({ id, editedAt: 100 }))))
    expect(core.created).toHaveLength(MAX_BACKGROUND_ROOMS)
    core.hanging.clear()
    await wait(FETCH_TIMEOUT_MS + 2 * TICK_MS)
    expect(new Set(core.createdIds)).toEqual(new Set(ids))
  })

  it('fetches again at once a document the window opened and closed while its background copy was loading', async () => {
    const core = new FakeCore()
    core.slow.add('doc')
    const sync = new FakeTeamSync()
    await startCatchUp(core, sync, indexOf([{ id: 'doc', editedAt: 100 }]))
    expect(core.created).toHaveLength(1)
    // The user opens the document (the window's own room) before the background copy has loaded.
    const window = sync.register('doc', { doc: new Y.Doc(), whenSaved: () => Promise.resolve() })
    // The background copy loads at 1.5 s; the user closes the document again before the next look.
    await wait(1600)
    window.stop()
    await wait(3 * TICK_MS)
    expect(sync.background()).toEqual(['doc'])
  })

  it('stop closes every background room', async () => {
    const core = new FakeCore({ served: 5 })
    const sync = new FakeTeamSync()
    sync.teammateWants(['served'])
    const catchUp = await startCatchUp(
      core,
      sync,
      indexOf([
        { id: 'fetched', editedAt: 10 },
        { id: 'served', editedAt: 5 }
      ])
    )
    expect(sync.background().sort()).toEqual(['fetched', 'served'])
    stopCatchUp(catchUp)
    expect(sync.background()).toEqual([])
    await wait(5 * TICK_MS)
    expect(core.created).toHaveLength(2)
  })
})
