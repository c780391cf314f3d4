export interface CspOptions {
  /** Extra connect-src sources besides 'self' (headless mode adds its WebSocket origin). */
  connect?: readonly string[]
  /** The Vite dev server needs inline scripts (React refresh) and its HMR socket. Never in a build. */
  devServer?: string
}

/** The renderer's Content-Security-Policy: nothing but its own origin and the core. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connect ?? [])]
  const script = ["'self'"]
  if (options.devServer) {
    const ws = options.devServer.replace(/^http/, 'ws')
    connect.push(options.devServer, ws)
    script.push("'unsafe-inline'")
  }
  return [
    "default-src 'none'",
    `script-src ${script.join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'"
  ].join('; ')
}
