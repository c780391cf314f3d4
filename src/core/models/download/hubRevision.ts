import type { CatalogModel } from '../../../shared/models/catalog'
import { fetchFollowingRedirects } from './followRedirects'
import { HubRevisionSchema, type HubRevision } from './hubRevisionSchema'
import { ModelDownloadError } from './modelDownloadError'
import { describeFailure, isTransientStatus, TransientFailure, waitBeforeRetry, type RetryPolicy } from './retry'
import { DEFAULT_STALL_TIMEOUT_MS, StallTimer } from './stallTimer'

export interface RevisionRequest {
  hubUrl: string
  model: CatalogModel
  fetchImpl: typeof fetch
  retry: RetryPolicy
  /** The whole answer must arrive within this time, or the request is retried. Default 30 s. */
  stallTimeoutMs?: number
  signal: AbortSignal | undefined
}

/**
 * The commit and file list of a model at its pinned revision, or at "main" resolved to the
 * commit it points to now, so every file is then fetched from one immutable commit.
 */
export async function fetchHubRevision(request: RevisionRequest): Promise<HubRevision> {
  const { model } = request
  const revision = model.revision ?? 'main'
  const url = new URL(`api/models/${model.id}/revision/${encodeURIComponent(revision)}`, withTrailingSlash(request.hubUrl))
  url.searchParams.set('blobs', 'true')
  const body = await fetchJsonWithRetries(url, request)
  const parsed = HubRevisionSchema.safeParse(body)
  if (!parsed.success) throw badResponse(model, `its file list is invalid (${firstIssue(parsed.error.issues)})`)
  if (model.revision !== undefined && parsed.data.sha !== model.revision) {
    throw badResponse(model, `it answered with commit ${parsed.data.sha} for pinned revision ${model.revision}`)
  }
  return parsed.data
}

/** The Hub's address as a base for relative URLs (a mirror may live under a path). */
export function withTrailingSlash(hubUrl: string): string {
  return hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`
}

async function fetchJsonWithRetries(url: URL, request: RevisionRequest): Promise<unknown> {
  for (let failures = 1; ; failures++) {
    try {
      return await fetchJson(url, request)
    } catch (error) {
      if (!(error instanceof TransientFailure) || request.signal?.aborted) throw error
      if (failures >= request.retry.attempts) {
        throw new ModelDownloadError(
          'network',
          `Holdfast could not reach the Hugging Face Hub to download ${request.model.name} (${error.message}). Check the internet connection and try again.`,
          { cause: error }
        )
      }
      await waitBeforeRetry(failures, request.retry, request.signal)
    }
  }
}

async function fetchJson(url: URL, { model, fetchImpl, signal, stallTimeoutMs = DEFAULT_STALL_TIMEOUT_MS }: RevisionRequest): Promise<unknown> {
  const stall = new StallTimer(stallTimeoutMs, signal)
  const retryable = (error: unknown): unknown => {
    if (signal?.aborted) return error
    return new TransientFailure(stall.stalled ? `no answer for ${Math.round(stallTimeoutMs / 1000)} s` : describeFailure(error))
  }
  try {
    let response: Response
    try {
      response = await fetchFollowingRedirects(url, { signal: stall.signal, headers: { accept: 'application/json' } }, fetchImpl)
    } catch (error) {
      throw error instanceof ModelDownloadError ? error : retryable(error)
    }
    if (response.ok) return await readJson(response, model, retryable)
    await response.body?.cancel()
    if (isTransientStatus(response.status)) throw new TransientFailure(`the Hub answered ${response.status}`)
    // The Hub answers 401 for repositories that do not exist (or are private or gated).
    if ([401, 403, 404].includes(response.status)) {
      const revision = model.revision === undefined ? '' : ` at revision ${model.revision}`
      throw new ModelDownloadError(
        'not-found',
        `The Hugging Face Hub has no model ${model.id}${revision}, or it needs a sign-in Holdfast does not support. Update Holdfast or choose another model.`
      )
    }
    throw badResponse(model, `it answered ${response.status}`)
  } finally {
    stall.stop()
  }
}

async function readJson(response: Response, model: CatalogModel, retryable: (error: unknown) => unknown): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw retryable(error)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw badResponse(model, 'its file list is not JSON')
  }
}

function badResponse(model: CatalogModel, detail: string): ModelDownloadError {
  return new ModelDownloadError(
    'bad-response',
    `The Hugging Face Hub sent an answer Holdfast cannot use for ${model.name}: ${detail}. Try again later; if it keeps happening, check the Hub address.`
  )
}

function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0]
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'no details'
}
