import { Awareness } from 'y-protocols/awareness'
import { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import type { CoreClient } from '../../../../shared/contracts'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import type { SyncSession } from '../../../../shared/contracts/team'
import { imageHashesIn } from '../../../../shared/sync/imageRefs'
import { PEER_COLOURS, shownPeer, type PeerUser, type ShownPeer } from '../../../../shared/sync/presence'
import { BlobExchange, type BlobPeer } from './blobExchange'
import type { CatchUp } from './catchUp'
import { guardPeers } from './peerGuard'

/** A peer whose data was refused, for the Team view. */
export interface RefusedPeer {
  at: number
  reason: string
}

/** A document as a session holds it: its Y.Doc, and a promise that what it holds is stored. */
export interface SyncTarget {
  doc: Y.Doc
  whenSaved(): Promise<void>
}

interface OpenDoc {
  target: SyncTarget
  /** Opened by the background catch-up (not by the user): gives way when the user opens it. */
  background: boolean
  stop: () => void
  /** Who is here: names, colours and cursors, shared with the peers in the document's room. */
  awareness: Awareness
  provider: WebrtcProvider | null
  /** Stops listening to the provider's signaling. */
  stopListening: () => void
}

/** A document as the window syncs it; `stop()` when it closes. */
export interface SyncedDoc {
  awareness: Awareness
  stop: () => void
}

function randomColour(): string {
  const [colour = PEER_COLOURS[0]] = PEER_COLOURS.slice(Math.floor(Math.random() * PEER_COLOURS.length))
  return colour
}

/** y-webrtc's signaling socket (lib0's WebsocketClient) as used here. */
interface SignalingSocketEvents {
  on(event: 'connect', listener: () => void): void
  off(event: 'connect', listener: () => void): void
}

/** Where a document stands with the team. */
export type DocSyncState = 'not shared' | 'offline' | 'no peers' | 'syncing' | 'synced'

/** A teammate present in a document, and how long ago their app last said so. */
export interface PresentPeer extends ShownPeer {
  secondsAgo: number
}

/**
 * Syncs the window's open documents with the team through y-webrtc, while the workspace is
 * shared. The only signaling server is this app's core (which bridges to teammates' apps on the
 * LAN); room names and the password come from the core, derived from the team key. Updates from
 * peers are applied to the same Y.Doc the DocSession stores, so they are saved like local edits.
 */
export class TeamSync {
  private session: SyncSession | null = null
  private readonly open = new Map<string, OpenDoc>()
  /** Bumped on every team change, so a provider started for an older session is never kept. */
  private generation = 0
  private readonly listeners = new Set<() => void>()
  private refused: RefusedPeer | null = null
  /** This window's name and colour for teammates; the colour is picked once per window. */
  private user: PeerUser = { name: '', color: randomColour() }
  /** The background catch-up of the window's workspace, once its index is open. */
  catchUp: CatchUp | null = null
  /** Images the open documents refer to, fetched from and served to teammates. */
  readonly blobs: BlobExchange

  constructor(
    private readonly client: CoreClient,
    private readonly signalingUrl: string | null,
    /** Extra simple-peer options: the relay passes WebRTC for Node (`wrtc`); a browser needs none. */
    private readonly peerOptions: Record<string, unknown> = {}
  ) {
    this.blobs = new BlobExchange(client, () => this.connectedPeerLinks())
    void this.refresh()
  }

  /** False where the host has no signaling endpoint for its windows (the Electron app, for now). */
  get available(): boolean {
    return this.signalingUrl !== null
  }

  get shared(): boolean {
    return this.session !== null
  }

  /**
   * Syncs the document while it is open in this window; call `stop()` when it closes. A document
   * the background catch-up has open is taken over: its room closes first (one room per document).
   */
  register(docId: string, target: SyncTarget, background = false): SyncedDoc {
    const current = this.open.get(docId)
    if (current?.background) current.stop()
    const awareness = new Awareness(target.doc)
    awareness.setLocalStateField('user', this.user)
    const entry: OpenDoc = { target, awareness, provider: null, background, stop: () => undefined, stopListening: () => undefined }
    const stopImageFetch = this.fetchImagesOf(target.doc)
    entry.stop = () => {
      stopImageFetch()
      entry.stopListening()
      entry.provider?.destroy()
      entry.provider = null
      awareness.destroy()
      if (this.open.get(docId) === entry) this.open.delete(docId)
    }
    this.open.set(docId, entry)
    void this.connect(docId, entry, this.generation)
    return { awareness, stop: entry.stop }
  }

  /**
   * Asks teammates for the images a document refers to that this device lacks: when it opens and
   * after changes from elsewhere (a peer, storage), a moment after the last of them.
   */
  private fetchImagesOf(doc: Y.Doc): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined
    const look = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        void this.blobs.fetchMissing(imageHashesIn(doc)).catch(() => undefined)
      }, 300)
    }
    const afterTransaction = (transaction: Y.Transaction): void => {
      if (!transaction.local) look()
    }
    doc.on('afterTransaction', afterTransaction)
    look()
    return () => {
      doc.off('afterTransaction', afterTransaction)
      // A background room often closes within the wait: look now, so its images are still asked for.
      if (timer === undefined) return
      clearTimeout(timer)
      void this.blobs.fetchMissing(imageHashesIn(doc)).catch(() => undefined)
    }
  }

  /** A connection to each teammate online: the workspace index's room, which every window keeps open. */
  private connectedPeerLinks(): BlobPeer[] {
    const room = this.open.get(WORKSPACE_INDEX_ID)?.provider?.room
    return [...(room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected).map((conn) => conn.peer as BlobPeer)
  }

  /** The user opened a document the catch-up has in a background room: the room stays, now the user's. */
  promote(docId: string): void {
    const entry = this.open.get(docId)
    if (entry) entry.background = false
  }

  /** The open document's session (foreground or background), if the document is open here. */
  targetOf(docId: string): SyncTarget | null {
    return this.open.get(docId)?.target ?? null
  }

  /** Whether the document has a room in this window, and whether the user opened it. */
  openState(docId: string): 'closed' | 'background' | 'foreground' {
    const entry = this.open.get(docId)
    if (!entry) return 'closed'
    return entry.background ? 'background' : 'foreground'
  }

  /** Whether this window is in the document's room (and so has announced itself there). */
  inRoom(docId: string): boolean {
    return Boolean(this.open.get(docId)?.provider?.room)
  }

  /** Rooms this window has open now (the index, open drafts, background catch-up). */
  get liveRooms(): number {
    let rooms = 0
    for (const entry of this.open.values()) if (entry.provider) rooms++
    return rooms
  }

  /** Every peer's awareness state in a document's room (the index's: teammates' catch-up requests). */
  statesIn(docId: string): Map<number, Record<string, unknown>> {
    const entry = this.open.get(docId)
    if (!entry?.provider) return new Map()
    const states = new Map(entry.awareness.getStates())
    states.delete(entry.awareness.clientID)
    return states
  }

  /** Sets a field of this window's awareness state in a document's room. */
  announce(docId: string, field: string, value: unknown): void {
    this.open.get(docId)?.awareness.setLocalStateField(field, value)
  }

  /** The name teammates see for this window (empty: "Teammate"). */
  setName(name: string): void {
    this.user = { ...this.user, name }
    for (const entry of this.open.values()) this.present(entry.awareness)
  }

  /** Puts this window's presence in a room's awareness (a provider that disconnects clears it). */
  private present(awareness: Awareness): void {
    if (awareness.getLocalState() === null) awareness.setLocalState({ user: this.user })
    else awareness.setLocalStateField('user', this.user)
  }

  /** Teammates present in an open document (the workspace index: present in the workspace), names cleaned for display. */
  presentIn(docId: string, now = Date.now()): PresentPeer[] {
    const entry = this.open.get(docId)
    if (!entry?.provider) return []
    const { awareness } = entry
    const present: PresentPeer[] = []
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return
      const lastSeen = awareness.meta.get(clientId)?.lastUpdated ?? now
      present.push({ ...shownPeer(clientId, state), secondsAgo: Math.max(0, Math.round((now - lastSeen) / 1000)) })
    })
    return present.sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Reads the team session again (after create, join or leave) and reconnects every open document. */
  async refresh(): Promise<void> {
    const generation = ++this.generation
    for (const entry of this.open.values()) {
      entry.stopListening()
      entry.provider?.destroy()
      entry.provider = null
    }
    const session = this.signalingUrl ? await this.client.team.session().catch(() => null) : null
    if (generation !== this.generation) return
    this.session = session
    await Promise.all([...this.open].map(([docId, entry]) => this.connect(docId, entry, generation)))
    this.changed()
  }

  /**
   * offline: this window cannot reach its core's signaling (so no teammate can be found);
   * no peers: reachable, but no teammate is connected; syncing: connected, not yet caught up;
   * synced: every connected teammate has sent what this window lacked.
   */
  stateOf(docId: string): DocSyncState {
    if (!this.session) return 'not shared'
    const provider = this.open.get(docId)?.provider
    const room = provider?.room
    if (!provider || !room) return 'offline'
    const connected = [...room.webrtcConns.values()].filter((conn) => conn.connected)
    if (connected.length === 0) return (provider.signalingConns as { connected: boolean }[]).some((conn) => conn.connected) ? 'no peers' : 'offline'
    return connected.every((conn) => conn.synced) ? 'synced' : 'syncing'
  }

  /** Teammates this window has a live WebRTC connection with (in the workspace index's room). */
  connectedPeers(): number {
    const room = this.open.get(WORKSPACE_INDEX_ID)?.provider?.room
    if (!room) return 0
    let connected = 0
    for (const conn of room.webrtcConns.values()) if (conn.connected) connected++
    return connected
  }

  /** The last time a peer was disconnected for sending malformed data, if ever. */
  get lastRefused(): RefusedPeer | null {
    return this.refused
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async connect(docId: string, entry: OpenDoc, generation: number): Promise<void> {
    const session = this.session
    if (!session || !this.signalingUrl) return
    const { rooms } = await this.client.team.rooms({ docIds: [docId] })
    const room = rooms[0]
    if (!room || generation !== this.generation || this.open.get(docId) !== entry || entry.provider) return
    entry.provider = new WebrtcProvider(room, entry.target.doc, {
      awareness: entry.awareness,
      signaling: [this.signalingUrl],
      password: session.password,
      // ICE servers only as the user configured them (none by default): no public STUN is contacted.
      peerOpts: { ...this.peerOptions, config: { iceServers: session.iceServers } }
    })
    this.present(entry.awareness)
    guardPeers(
      entry.provider,
      (reason) => {
        console.warn(`Team sync: disconnected a peer that sent ${reason}.`)
        this.refused = { at: Date.now(), reason }
        this.changed()
      },
      this.blobs,
      () => this.changed()
    )
    entry.provider.on('peers', () => this.changed())
    // In the workspace room teammates ask for drafts (and say which they serve): the catch-up acts on it.
    if (docId === WORKSPACE_INDEX_ID) entry.awareness.on('change', this.onTeammatesChange)
    // The room exists once the password's key is derived, and the signaling socket opens in its own
    // time: say so at once, not "offline" until the UI next looks.
    const signaling = entry.provider.signalingConns as unknown as SignalingSocketEvents[]
    const onSignaling = (): void => this.changed()
    for (const conn of signaling) conn.on('connect', onSignaling)
    void entry.provider.key.then(onSignaling)
    entry.stopListening = () => {
      for (const conn of signaling) conn.off('connect', onSignaling)
    }
  }

  private readonly onTeammatesChange = (_changes: unknown, origin: unknown): void => {
    if (origin !== 'local') this.changed()
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
