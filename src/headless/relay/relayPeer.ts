import { WebSocket } from 'ws'
import type { CoreClient } from '../../shared/contracts'
import { WORKSPACE_INDEX_ID } from '../../shared/contracts/docs'
// The relay is a window without a screen: it runs the same sync client as the app's windows.
import { DocSession } from '../../renderer/src/lib/docSession'
import { CatchUp } from '../../renderer/src/lib/sync/catchUp'
import { TeamSync } from '../../renderer/src/lib/sync/teamSync'
import { rollbackWrtc } from './rollbackWrtc'

export interface RelayOptions {
  client: CoreClient
  /** The core's signaling endpoint for its own windows (headless: `/signaling` with the token). */
  signalingUrl: string
  /** The web server's origin, which the signaling endpoint checks. */
  origin: string
}

export interface Relay {
  stop(): Promise<void>
}

/**
 * An always-on team member: it keeps the workspace index in its room and, through the catch-up,
 * fetches every draft a teammate changes and serves it to any teammate who asks, storing all of
 * it in its own database. So teammates who are never online at the same time still converge.
 */
export async function startRelay({ client, signalingUrl, origin }: RelayOptions): Promise<Relay> {
  // y-webrtc's signaling client uses the global WebSocket; the core's endpoint checks the Origin.
  class OriginWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { origin })
    }
  }
  Object.assign(globalThis, { WebSocket: OriginWebSocket })
  const sync = new TeamSync(client, signalingUrl, { wrtc: rollbackWrtc })
  sync.setName('Relay')
  await sync.refresh()
  const index = await DocSession.open(client, WORKSPACE_INDEX_ID, 'index')
  const indexSync = sync.register(WORKSPACE_INDEX_ID, index)
  const catchUp = new CatchUp(client, sync, index.doc)
  sync.catchUp = catchUp
  await catchUp.start()
  return {
    stop: async () => {
      catchUp.stop()
      indexSync.stop()
      await index.close()
    }
  }
}
