import { createORPCClient } from '@orpc/client'
import { RPCLink as MessagePortLink } from '@orpc/client/message-port'
import { RPCLink as WebSocketLink } from '@orpc/client/websocket'
import type { CoreClient } from '../../../shared/contracts'
import { IpcChannel, type HoldfastBridge } from '../../../shared/ipc'
import { rpcSerializers } from '../../../shared/rpc/serializers'

declare global {
  interface Window {
    holdfast?: HoldfastBridge
  }
}

/** Headless mode puts its per-run WebSocket token in this meta tag of the page it serves. */
const TOKEN_META = 'holdfast-rpc-token'
const RPC_PATH = '/rpc'
const SIGNALING_PATH = '/signaling'

export interface CoreConnection {
  client: CoreClient
  /** Resolves when the connection to the core is lost. */
  closed: Promise<void>
  /** The core's y-webrtc signaling endpoint for this window; null where the host offers none yet (the Electron app). */
  signalingUrl: string | null
}

/**
 * Connects to the core: through the preload's MessagePort inside the app, or through the
 * headless server's WebSocket in a browser. The only module that touches window.holdfast.
 */
export function connectToCore(): Promise<CoreConnection> {
  return window.holdfast ? connectThroughPreload(window.holdfast) : connectThroughWebSocket()
}

function connectThroughPreload(bridge: HoldfastBridge): Promise<CoreConnection> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      const port = event.ports[0]
      if (event.source !== window || event.data !== IpcChannel.corePort || !port) return
      window.removeEventListener('message', onMessage)
      port.start()
      // Electron closes the port when the core process goes away.
      const closed = new Promise<void>((done) => port.addEventListener('close', () => done()))
      const client: CoreClient = createORPCClient(new MessagePortLink({ port, customJsonSerializers: rpcSerializers }))
      // The window's sync signals through the core's loopback server; without it, sync is off (the Team view says so).
      void client.team
        .signalingEndpoint()
        .then(({ url }) => url)
        .catch(() => null)
        .then((signalingUrl) => resolve({ client, closed, signalingUrl }))
    }
    window.addEventListener('message', onMessage)
    bridge.connectCore()
  })
}

function connectThroughWebSocket(): Promise<CoreConnection> {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content
  if (!token) return Promise.reject(new Error('This page was not served by Holdfast headless mode.'))
  const socketUrl = (path: string): URL => {
    const url = new URL(path, location.href)
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
    url.searchParams.set('token', token)
    return url
  }
  const websocket = new WebSocket(socketUrl(RPC_PATH))
  const signalingUrl = socketUrl(SIGNALING_PATH).href
  return new Promise((resolve, reject) => {
    const closed = new Promise<void>((done) => websocket.addEventListener('close', () => done()))
    websocket.addEventListener('open', () =>
      resolve({ client: createORPCClient(new WebSocketLink({ websocket, customJsonSerializers: rpcSerializers })), closed, signalingUrl })
    )
    websocket.addEventListener('error', () => reject(new Error('Could not reach the Holdfast core.')))
  })
}
