export interface HeaderReader {
  get(name: string): string | null
}

/**
 * How long a 429 answer asks the client to wait: `retry-after-ms` (OpenAI, Azure) first, then
 * `retry-after` as seconds or as an HTTP date. Undefined when neither says anything usable.
 */
export function parseRetryAfterMs(headers: HeaderReader, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds)
  const retryAfter = headers.get('retry-after')?.trim()
  if (!retryAfter) return undefined
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000)
  const date = Date.parse(retryAfter)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
