import { createHash } from 'node:crypto'
import type { Catalog, CatalogModel } from '../../../shared/models/catalog'
import { fetchHubRevision, withTrailingSlash } from '../download/hubRevision'
import { DEFAULT_RETRY } from '../download/retry'

// What `npm run catalog:pin` does: every model pinned to the commit "main" points to now, with
// each file's size and SHA-256 (the LFS sha256 the Hub reports for large files; small files are
// fetched and hashed, since the Hub gives them only a git blob id).

export async function pinCatalog(catalog: Catalog, hubUrl: string, log: (line: string) => void = () => undefined): Promise<Catalog> {
  const models: CatalogModel[] = []
  for (const model of catalog.models) models.push(await pinModel(model, hubUrl, log))
  return { ...catalog, models }
}

async function pinModel(model: CatalogModel, hubUrl: string, log: (line: string) => void): Promise<CatalogModel> {
  const revision = await fetchHubRevision({ hubUrl, model: { ...model, revision: undefined }, fetchImpl: fetch, retry: DEFAULT_RETRY, signal: undefined })
  const files = []
  for (const file of model.files) {
    const listed = revision.siblings.find((sibling) => sibling.rfilename === file.path)
    if (!listed) throw new Error(`${model.id} has no file ${file.path} at commit ${revision.sha}`)
    const url = new URL(`${model.id}/resolve/${revision.sha}/${file.path}`, withTrailingSlash(hubUrl))
    files.push({ path: file.path, size: listed.size, sha256: listed.lfs?.sha256 ?? (await sha256Of(url)) })
  }
  const megabytes = files.reduce((sum, file) => sum + file.size, 0) / 2 ** 20
  log(`${model.id}: ${revision.sha}, ${files.length} files, ${megabytes.toFixed(1)} MB`)
  return { ...model, revision: revision.sha, approxDownloadMb: Math.max(0.1, Math.round(megabytes * 10) / 10), files }
}

async function sha256Of(url: URL): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`)
  return createHash('sha256')
    .update(new Uint8Array(await response.arrayBuffer()))
    .digest('hex')
}
