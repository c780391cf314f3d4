export interface CspOptions {
  /**
   * Extra connect-src sources besides 'self': headless mode's WebSocket origin; the desktop
   * window's sync signaling on the core's loopback server (WINDOW_SIGNALING_SOURCE).
   */
  connect?: readonly string[]
  /** The Vite dev server needs inline scripts (React refresh) and its HMR socket. Never in a build. */
  devServer?: string
}

/** The core's loopback signaling server for the desktop window: its port is chosen at each start. */
export const WINDOW_SIGNALING_SOURCE = 'ws://127.0.0.1:*'

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
