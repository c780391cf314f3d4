import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/websocket'
import { WebSocket } from 'ws'
import type { CoreClient } from '../../shared/contracts'
import { rpcSerializers } from '../../shared/rpc/serializers'
import { RELAY_UNAVAILABLE_EXIT } from './relaySupervisor'

/**
 * The relay's own process (started and restarted by relaySupervisor): a client of headless mode's
 * core over its RPC WebSocket, as a browser window is, running the relay peer.
 * HOLDFAST_RELAY_RPC_URL, HOLDFAST_RELAY_SIGNALING_URL and HOLDFAST_RELAY_ORIGIN say where.
 */
async function main(): Promise<void> {
  const { HOLDFAST_RELAY_RPC_URL: rpcUrl, HOLDFAST_RELAY_SIGNALING_URL: signalingUrl, HOLDFAST_RELAY_ORIGIN: origin } = process.env
  if (!rpcUrl || !signalingUrl || !origin) throw new Error('the relay process is started by headless mode (--relay), not on its own.')
  const startRelay = await loadRelay()
  const websocket = new WebSocket(rpcUrl, { origin })
  await new Promise((resolve, reject) => {
    websocket.once('open', resolve)
    websocket.once('error', reject)
  })
  // The core going away (headless mode stopping) ends the relay too.
  websocket.once('close', () => process.exit(0))
  const client: CoreClient = createORPCClient(new RPCLink({ websocket, customJsonSerializers: rpcSerializers }))
  const relay = await startRelay({ client, signalingUrl, origin })
  console.log('Holdfast relay: syncing as an always-on member of the workspace’s team.')
  process.once('SIGTERM', () => {
    void relay.stop().finally(() => process.exit(0))
  })
}

/** The relay peer; a build without WebRTC for Node (the installers) says so and exits for good. */
async function loadRelay(): Promise<typeof import('./relayPeer').startRelay> {
  try {
    return (await import('./relayPeer')).startRelay
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes('@roamhq/wrtc')
    if (!missing) throw error
    console.error('Holdfast relay: it needs WebRTC for Node (@roamhq/wrtc), which this build does not include. Run the relay from a source checkout: npm ci, then npm run headless -- --relay.')
    process.exit(RELAY_UNAVAILABLE_EXIT)
  }
}

main().catch((error: unknown) => {
  console.error('Holdfast relay stopped:', error instanceof Error ? error.message : error)
  process.exit(1)
})
