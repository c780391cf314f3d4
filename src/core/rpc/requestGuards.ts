import { timingSafeEqual } from 'node:crypto'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const

/**
 * The Host header must name this server on loopback. A page on another domain that resolves
 * to 127.0.0.1 (DNS rebinding) sends its own name here and is refused.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)
}

/** Only the page this server served may open its WebSocket. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`)
}

/** Constant-time comparison of the per-run token. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
