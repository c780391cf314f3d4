import * as Y from 'yjs'
import type { CoreClient } from '../../../../shared/contracts'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import { holdsStateVector } from '../../../../shared/docs/stateVector'
import { listDocuments, type DraftSummary } from '../../../../shared/workspace/workspaceIndex'
import { DocSession } from '../docSession'
import { describeError } from '../rpcError'
import type { SyncedDoc, TeamSync } from './teamSync'

/** Background rooms this window opens at most, to fetch and to serve each (besides the index and open drafts). */
export const MAX_BACKGROUND_ROOMS = 8
/** Drafts asked for at once: the background fetches and the behind drafts open in the window. */
const MAX_WANTED = 2 * MAX_BACKGROUND_ROOMS
const TICK_MS = 1000
/** Besides the steady tick: how soon after a change in the rooms (a peer synced, a teammate asking) the catch-up looks again. */
const NUDGE_MS = 50
/** A fetch that finds no teammate holding the draft gives up for a while. */
const FETCH_TIMEOUT_MS = 20_000
const RETRY_AFTER_MS = 30_000
/** A served room stays open this long after the last teammate stopped asking for it. */
const SERVE_GRACE_MS = 5000

interface BackgroundRoom {
  session: DocSession | null
  synced: SyncedDoc | null
  startedAt: number
  /** Fetch: the index marker when it started (the most it can bring). Serve: the marker held. */
  marker: number
  /** For a served room: when a teammate last asked for it. */
  wantedAt: number
}

export interface CatchUpProgress {
  /** Drafts whose latest version this device does not hold yet. */
  due: number
  /** Drafts fetched since the window opened. */
  fetched: number
}

/**
 * Brings drafts that teammates changed up to date without opening a room per draft. The index
 * holds each draft's change marker (its "last edited" time); this device records the marker at
 * which it last held the latest version (in the core, `team.markers`). Drafts whose marker
 * differs are asked for in the index room's awareness (`want`, at most 8 at a time) and fetched
 * in rooms of their own; teammates who hold the latest version of a wanted draft open its room
 * to serve it (`serving`). So live rooms stay bounded however many drafts the team has.
 * A copy holding the state vector recorded with the marker is that version, whoever sent it;
 * without one (an entry touched by the core), the marker a serving teammate announces counts.
 */
export class CatchUp {
  private readonly markers = new Map<string, number>()
  private readonly fetching = new Map<string, BackgroundRoom>()
  private readonly serving = new Map<string, BackgroundRoom>()
  private readonly failedAt = new Map<string, number>()
  /** Drafts found current whose marker is recorded once their copy is stored. */
  private readonly confirming = new Set<string>()
  private fetched = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private nudged: ReturnType<typeof setTimeout> | null = null
  private offSyncChange: () => void = () => undefined
  private stopped = false
  private readonly drafts: Y.Map<unknown>

  constructor(
    private readonly client: CoreClient,
    private readonly sync: TeamSync,
    private readonly index: Y.Doc
  ) {
    this.drafts = index.getMap('drafts')
  }

  async start(): Promise<void> {
    const { markers } = await this.client.team.markers().catch(() => ({ markers: {} }))
    if (this.stopped) return
    for (const [docId, marker] of Object.entries(markers)) this.markers.set(docId, marker)
    this.drafts.observeDeep(this.onIndexChange)
    this.timer = setInterval(() => this.tick(), TICK_MS)
    this.offSyncChange = this.sync.onChange(this.nudge)
    this.tick()
  }

  /** Looks again shortly: something changed that may let a fetch finish or a teammate be served. */
  private readonly nudge = (): void => {
    if (this.nudged || this.stopped) return
    this.nudged = setTimeout(() => {
      this.nudged = null
      this.tick()
    }, NUDGE_MS)
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    if (this.nudged) clearTimeout(this.nudged)
    this.offSyncChange()
    this.drafts.unobserveDeep(this.onIndexChange)
    for (const [docId] of this.fetching) this.close(this.fetching, docId)
    for (const [docId] of this.serving) this.close(this.serving, docId)
  }

  get progress(): CatchUpProgress {
    // Counted now, not at the last tick: the index a teammate just sent may list many more.
    return { due: listDocuments(this.index).filter((draft) => !this.holds(draft)).length, fetched: this.fetched }
  }

  /** On sharing or joining: every draft here now is this device's own, held as it is. */
  async holdAll(): Promise<void> {
    const held = listDocuments(this.index).map((draft) => ({ docId: draft.id, marker: draft.editedAt }))
    for (const { docId, marker } of held) this.markers.set(docId, marker)
    if (held.length > 0) await this.client.team.markSynced({ markers: held })
  }

  /** This window's own edits (a new draft, a touched "last edited") mean it holds the latest version. */
  private readonly onIndexChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    if (!transaction.local) return
    const touched = new Set<string>()
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent)) continue
      const keys = [...(event.keysChanged as Set<unknown>)].filter((key): key is string => typeof key === 'string')
      if (event.target === this.drafts) for (const key of keys) touched.add(key)
      else {
        const docId: unknown = event.path[0]
        if (keys.includes('editedAt') && typeof docId === 'string') touched.add(docId)
      }
    }
    const entries = new Map(listDocuments(this.index).map((draft) => [draft.id, draft]))
    this.record([...touched].flatMap((docId) => {
      const draft = entries.get(docId)
      return draft ? [{ docId, marker: draft.editedAt }] : []
    }))
  }

  private record(held: { docId: string; marker: number }[]): void {
    // A version older than one already held changes nothing, except the one the index names now:
    // after two teammates' concurrent touches (or clocks that differ) the index may keep a smaller
    // "last edited" than this device's own, and holding that version is what "held" means.
    const listed = new Map(listDocuments(this.index).map((entry) => [entry.id, entry.editedAt]))
    const newer = held.filter(({ docId, marker }) => {
      const current = this.markers.get(docId) ?? -1
      return marker > current || (marker !== current && marker === listed.get(docId))
    })
    if (newer.length === 0 || !this.sync.shared) return
    for (const { docId, marker } of newer) this.markers.set(docId, marker)
    void this.client.team.markSynced({ markers: newer }).catch(() => undefined)
  }

  private holds(draft: DraftSummary): boolean {
    return this.markers.get(draft.id) === draft.editedAt
  }

  private tick(): void {
    if (this.stopped || !this.sync.shared) return
    const now = Date.now()
    const drafts = listDocuments(this.index)
    const due = drafts.filter((draft) => !this.holds(draft))
    for (const draft of due) this.confirmIfHeld(draft)

    // Fetch: up to the bound, drafts not open in the window, not failed lately.
    for (const draft of due) {
      if (this.fetching.size >= MAX_BACKGROUND_ROOMS) break
      if (this.fetching.has(draft.id) || this.serving.has(draft.id) || this.sync.openState(draft.id) !== 'closed') continue
      if (now - (this.failedAt.get(draft.id) ?? -Infinity) < RETRY_AFTER_MS) continue
      this.open(this.fetching, draft.id, draft.editedAt, false)
    }
    for (const [docId, room] of this.fetching) this.checkFetch(docId, room, now)
    // Drafts the user opened that are behind are asked for too, so a teammate serves them. A draft
    // is asked for only once this window is in its room: the server then joins later and is the
    // only one to announce, so the two never both start the connection (y-webrtc's glare).
    const openDue = due.filter((draft) => this.sync.openState(draft.id) === 'foreground').map((draft) => draft.id)
    const wanted = [...this.fetching.keys(), ...openDue].filter((docId) => this.sync.inRoom(docId))
    this.sync.announce(WORKSPACE_INDEX_ID, 'want', wanted.slice(0, MAX_WANTED))

    // A draft open in the window that was due holds what a serving teammate held, once synced with it.
    for (const draft of due) {
      if (this.sync.openState(draft.id) !== 'foreground') continue
      const served = this.servedMarker(draft.id)
      if (served !== null) this.record([{ docId: draft.id, marker: Math.min(served, draft.editedAt) }])
    }

    // Serve: what teammates ask for that this device has fetched or written (the latest or not:
    // the room says which version, and the teammate records no more than that).
    for (const docId of this.wantedByTeammates()) {
      const served = this.serving.get(docId)
      const marker = this.markers.get(docId)
      if (served) served.wantedAt = now
      else if (marker !== undefined && this.serving.size < MAX_BACKGROUND_ROOMS && this.sync.openState(docId) === 'closed') {
        this.open(this.serving, docId, marker, true)
      }
    }
    for (const [docId, room] of this.serving) if (now - room.wantedAt > SERVE_GRACE_MS) this.close(this.serving, docId)
    // A draft open in the window serves what this device holds of it.
    for (const draft of drafts) {
      if (this.sync.openState(draft.id) === 'foreground') this.sync.announce(draft.id, 'serving', this.markers.get(draft.id) ?? null)
    }
  }

  /** A draft open here in any room whose copy holds the version its marker names is current. */
  private confirmIfHeld(draft: DraftSummary): void {
    const target = this.sync.targetOf(draft.id)
    if (!draft.version || !target || this.confirming.has(draft.id) || !holdsStateVector(target.doc, draft.version)) return
    this.confirming.add(draft.id)
    void target
      .whenSaved()
      .then(() => this.record([{ docId: draft.id, marker: draft.editedAt }]))
      .catch(() => undefined)
      .finally(() => this.confirming.delete(draft.id))
  }

  /**
   * The user opens a draft this catch-up has in a background room: its session and room are handed
   * over as they are (same peer, same connections) instead of closing and opening the room again,
   * which makes the window a new peer that teammates must connect to afresh. Null if none is ready.
   */
  handOver(docId: string): { session: DocSession; synced: SyncedDoc } | null {
    for (const rooms of [this.fetching, this.serving]) {
      const room = rooms.get(docId)
      if (!room?.session || !room.synced) continue
      rooms.delete(docId)
      this.sync.promote(docId)
      // What other writers stored since the sweep opened it came in by its change stream; a reload
      // covers a break in that stream. What it holds is still the document, so a failed refresh
      // only leaves such writes out until the next open.
      room.session.reload().catch((error: unknown) => console.warn(`Could not reload ${docId} from storage: ${describeError(error)}`))
      return { session: room.session, synced: room.synced }
    }
    return null
  }

  private wantedByTeammates(): Set<string> {
    const wanted = new Set<string>()
    for (const state of this.sync.statesIn(WORKSPACE_INDEX_ID).values()) {
      const want = state.want
      if (!Array.isArray(want)) continue
      for (const docId of want.slice(0, MAX_WANTED)) if (typeof docId === 'string') wanted.add(docId)
    }
    return wanted
  }

  /**
   * Once caught up with every connected peer in the room: the newest marker a serving teammate
   * there holds (this device now has at least that version), or null.
   */
  private servedMarker(docId: string): number | null {
    if (this.sync.stateOf(docId) !== 'synced') return null
    let best: number | null = null
    for (const state of this.sync.statesIn(docId).values()) {
      const marker = state.serving
      if (typeof marker === 'number' && Number.isFinite(marker) && (best === null || marker > best)) best = marker
    }
    return best
  }

  private checkFetch(docId: string, room: BackgroundRoom, now: number): void {
    if (!room.session) {
      // Its copy never loaded: the slot goes to another document all the same.
      if (now - room.startedAt > FETCH_TIMEOUT_MS) this.giveUp(docId, now)
      return
    }
    if (this.sync.openState(docId) === 'foreground') {
      // The user opened it: the window's own room has taken over.
      this.close(this.fetching, docId)
      return
    }
    if (this.markers.get(docId) === room.marker) {
      // Its copy was found to hold the version the marker names.
      this.fetched++
      this.close(this.fetching, docId)
      return
    }
    const served = this.servedMarker(docId)
    if (served !== null) {
      const session = room.session
      this.fetching.delete(docId)
      const marker = Math.min(served, room.marker)
      // Only an older version was to be had: try again later, when someone holding the latest is online.
      if (marker < room.marker) this.failedAt.set(docId, now)
      void session.whenSaved().then(() => {
        this.record([{ docId, marker }])
        if (marker === room.marker) this.fetched++
        room.synced?.stop()
        return session.close()
      })
      return
    }
    if (now - room.startedAt > FETCH_TIMEOUT_MS) this.giveUp(docId, now)
  }

  /** Nobody served the document in time: its slot goes to another, and it is tried again later. */
  private giveUp(docId: string, now: number): void {
    this.failedAt.set(docId, now)
    this.close(this.fetching, docId)
  }

  private open(rooms: Map<string, BackgroundRoom>, docId: string, marker: number, serving: boolean): void {
    const room: BackgroundRoom = { session: null, synced: null, startedAt: Date.now(), marker, wantedAt: Date.now() }
    rooms.set(docId, room)
    const kind = listDocuments(this.index).find((entry) => entry.id === docId)?.kind ?? 'draft'
    DocSession.open(this.client, docId, kind)
      .then((session) => {
        room.session = session
        if (this.stopped || rooms.get(docId) !== room || this.sync.openState(docId) !== 'closed') {
          // Stopped, replaced, or opened in the window meanwhile: the room goes, so the slot is free.
          if (rooms.get(docId) === room) rooms.delete(docId)
          return void session.close()
        }
        room.synced = this.sync.register(docId, session, true)
        this.sync.announce(docId, 'serving', serving ? marker : null)
        this.nudge()
      })
      .catch(() => {
        if (rooms.get(docId) === room) rooms.delete(docId)
        this.failedAt.set(docId, Date.now())
      })
  }

  private close(rooms: Map<string, BackgroundRoom>, docId: string): void {
    const room = rooms.get(docId)
    rooms.delete(docId)
    if (!room) return
    // A room the user took over was already stopped by TeamSync.register; stopping again is harmless.
    room.synced?.stop()
    void room.session?.close()
  }
}
