import { getCACertificates } from 'node:tls'
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'

/** How the cloud providers reach the network; each field left out falls back to the environment. */
export interface NetworkOptions {
  /** Proxy for every request, e.g. "http://proxy.corp:8080" (see proxyUrlFromResolvedProxy). Else HTTPS_PROXY / HTTP_PROXY. */
  proxyUrl?: string
  /** Hosts that bypass the proxy, comma-separated as in NO_PROXY. Else NO_PROXY. Loopback always bypasses it. */
  noProxy?: string
  /** PEM certificates trusted on top of Node's (a newsroom's TLS-inspecting proxy). NODE_EXTRA_CA_CERTS is Node's own. */
  extraCaCertificates?: string[]
}

/** The fetch signature both SDKs accept. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** What one dispatcher is built from; equal settings share a dispatcher and its pooled sockets. */
interface TransportSettings {
  connectTimeoutMs: number
  /** '' for none. */
  httpProxy: string
  /** '' for none. */
  httpsProxy: string
  noProxy: string
  extraCaCertificates: string[]
}

type Environment = Record<string, string | undefined>

// A local model server must never be sent to a corporate proxy; Chromium bypasses loopback too.
const LOOPBACK_HOSTS = 'localhost,127.0.0.1,::1'

// undici's connect timeout belongs to a dispatcher, so there is one per distinct setting. The
// router uses a handful of timeouts; the cap only guards against a caller that varies them freely.
const MAX_DISPATCHERS = 16
const dispatchers = new Map<string, Dispatcher>()

/**
 * The fetch the SDKs use: undici's own, on a cached dispatcher that gives up connecting (TCP and
 * TLS) after `connectTimeoutMs` and goes through the configured or environment proxy.
 */
export function createFetch(network: NetworkOptions | undefined, connectTimeoutMs: number, env: Environment = process.env): Fetch {
  const dispatcher = dispatcherFor(transportSettings(network, connectTimeoutMs, env))
  // undici's Request/Response types are structurally the same classes Node's fetch uses, but
  // TypeScript sees two copies of them.
  return (input, init) => undiciFetch(input as string, { ...(init as object), dispatcher }) as unknown as Promise<Response>
}

/** Closes every cached dispatcher (app shutdown, tests); in-flight requests finish first. */
export async function closeTransports(): Promise<void> {
  const closing = [...dispatchers.values()].map((dispatcher) => dispatcher.close())
  dispatchers.clear()
  await Promise.all(closing)
}

function transportSettings(network: NetworkOptions | undefined, connectTimeoutMs: number, env: Environment): TransportSettings {
  const httpProxy = network?.proxyUrl ?? envValue(env, 'http_proxy') ?? ''
  const httpsProxy = network?.proxyUrl ?? envValue(env, 'https_proxy') ?? httpProxy
  const noProxy = network?.noProxy ?? envValue(env, 'no_proxy')
  return {
    connectTimeoutMs,
    httpProxy,
    httpsProxy,
    noProxy: noProxy ? `${LOOPBACK_HOSTS},${noProxy}` : LOOPBACK_HOSTS,
    extraCaCertificates: network?.extraCaCertificates ?? []
  }
}

// Lower case first, as curl and undici read them; an empty value means unset.
function envValue(env: Environment, lowerCaseName: string): string | undefined {
  return env[lowerCaseName] || env[lowerCaseName.toUpperCase()] || undefined
}

function dispatcherFor(settings: TransportSettings): Dispatcher {
  const key = JSON.stringify(settings)
  const cached = dispatchers.get(key)
  if (cached) return cached
  const dispatcher = createDispatcher(settings)
  dispatchers.set(key, dispatcher)
  if (dispatchers.size > MAX_DISPATCHERS) {
    const [oldestKey, oldest] = dispatchers.entries().next().value as [string, Dispatcher]
    dispatchers.delete(oldestKey)
    void oldest.close()
  }
  return dispatcher
}

function createDispatcher(settings: TransportSettings): Dispatcher {
  // Passing `ca` replaces Node's trust store, so start from the default one: it includes
  // NODE_EXTRA_CA_CERTS and the system store when Node was told to use it.
  const tls = settings.extraCaCertificates.length > 0 ? { ca: [...getCACertificates('default'), ...settings.extraCaCertificates] } : {}
  const connect = { timeout: settings.connectTimeoutMs, ...tls }
  if (!settings.httpProxy && !settings.httpsProxy) return new Agent({ connect })
  // Every proxy field is given ('' for none) so the agent never reads process.env itself.
  return new EnvHttpProxyAgent({
    connect,
    connectTimeout: settings.connectTimeoutMs,
    requestTls: tls,
    proxyTls: tls,
    httpProxy: settings.httpProxy,
    httpsProxy: settings.httpsProxy,
    noProxy: settings.noProxy
  })
}
