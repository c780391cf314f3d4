import { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import type { CoreClient } from '../../../../shared/contracts'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import type { SyncSession } from '../../../../shared/contracts/team'

interface OpenDoc {
  doc: Y.Doc
  provider: WebrtcProvider | null
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

  constructor(
    private readonly client: CoreClient,
    private readonly signalingUrl: string | null
  ) {
    void this.refresh()
  }

  /** False where the host has no signaling endpoint for its windows (the Electron app, for now). */
  get available(): boolean {
    return this.signalingUrl !== null
  }

  get shared(): boolean {
    return this.session !== null
  }

  /** Syncs the document while it is open in this window; call the returned function when it closes. */
  register(docId: string, doc: Y.Doc): () => void {
    const entry: OpenDoc = { doc, provider: null }
    this.open.set(docId, entry)
    void this.connect(docId, entry, this.generation)
    return () => {
      entry.provider?.destroy()
      entry.provider = null
      if (this.open.get(docId) === entry) this.open.delete(docId)
    }
  }

  /** Reads the team session again (after create, join or leave) and reconnects every open document. */
  async refresh(): Promise<void> {
    const generation = ++this.generation
    for (const entry of this.open.values()) {
      entry.provider?.destroy()
      entry.provider = null
    }
    const session = this.signalingUrl ? await this.client.team.session().catch(() => null) : null
    if (generation !== this.generation) return
    this.session = session
    await Promise.all([...this.open].map(([docId, entry]) => this.connect(docId, entry, generation)))
    this.changed()
  }

  /** Teammates this window has a live WebRTC connection with (in the workspace index's room). */
  connectedPeers(): number {
    const room = this.open.get(WORKSPACE_INDEX_ID)?.provider?.room
    if (!room) return 0
    let connected = 0
    for (const conn of room.webrtcConns.values()) if (conn.connected) connected++
    return connected
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
    entry.provider = new WebrtcProvider(room, entry.doc, {
      signaling: [this.signalingUrl],
      password: session.password,
      // ICE servers only as the user configured them (none by default): no public STUN is contacted.
      peerOpts: { config: { iceServers: session.iceServers } }
    })
    entry.provider.on('peers', () => this.changed())
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
