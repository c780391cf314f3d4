// Proxy schemes the HTTP client can speak, by their keyword in a PAC result. SOCKS and SOCKS4
// (SOCKS version 4) and QUIC are missing on purpose: such entries are skipped.
const SCHEMES: Record<string, { scheme: string; defaultPort: number }> = {
  PROXY: { scheme: 'http', defaultPort: 80 },
  HTTP: { scheme: 'http', defaultPort: 80 },
  HTTPS: { scheme: 'https', defaultPort: 443 },
  SOCKS5: { scheme: 'socks5', defaultPort: 1080 }
}

// "host", "host:port", "[v6]" or "[v6]:port".
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9.-]*)(?::(\d{1,5}))?$/i

/**
 * Turns the answer of Electron's `session.resolveProxy(url)`, a PAC-style list such as
 * "PROXY proxy.corp:8080; DIRECT", into the proxy URL to use ("http://proxy.corp:8080"), or
 * undefined to connect directly. Entries are tried in order; the first usable one wins.
 */
export function proxyUrlFromResolvedProxy(resolved: string): string | undefined {
  for (const entry of resolved.split(';')) {
    const [keyword = '', hostPort = '', ...rest] = entry.trim().split(/\s+/)
    if (keyword.toUpperCase() === 'DIRECT') return undefined
    const known = SCHEMES[keyword.toUpperCase()]
    const match = HOST_PORT.exec(hostPort)
    if (!known || !match || rest.length > 0) continue
    const [, host = '', portText] = match
    const port = portText === undefined ? known.defaultPort : Number(portText)
    if (port < 1 || port > 65_535) continue
    return `${known.scheme}://${host.toLowerCase()}:${port}`
  }
  return undefined
}
