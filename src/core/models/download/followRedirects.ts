import { ModelDownloadError } from './modelDownloadError'

const MAX_REDIRECTS = 5
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/**
 * Fetches `url`, following at most 5 redirects and only to http(s) URLs (the Hub sends large
 * files to its CDN this way). Headers such as Range are sent again on every hop.
 */
export async function fetchFollowingRedirects(url: URL, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  let current = url
  for (let hops = 0; ; hops++) {
    const response = await fetchImpl(current, { ...init, redirect: 'manual' })
    if (!REDIRECT_STATUSES.has(response.status)) return response
    await response.body?.cancel()
    if (hops === MAX_REDIRECTS) throw redirectError(`more than ${MAX_REDIRECTS} redirects from ${url.href}`)
    const location = response.headers.get('location')
    if (location === null) throw redirectError(`a redirect without a location from ${current.href}`)
    const next = new URL(location, current)
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw redirectError(`a redirect to a ${next.protocol} address`)
    current = next
  }
}

function redirectError(detail: string): ModelDownloadError {
  return new ModelDownloadError('bad-response', `The Hugging Face Hub sent ${detail}. Try again later; if it keeps happening, check the Hub address.`)
}
