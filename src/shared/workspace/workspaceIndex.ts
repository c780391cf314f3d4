import * as Y from 'yjs'
import { textSplice } from '../text/textDiff'

/** Drafts stay in the trash this long before they are removed for good. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/** What a listed document is; entries written before designs existed have no kind and are drafts. */
export type ListedKind = 'draft' | 'design'

/** A document listed in the index: a draft or a design (both are titled, trashable and synced alike). */
export interface DraftSummary {
  id: string
  kind: ListedKind
  title: string
  createdAt: number
  editedAt: number
  /**
   * The draft's Yjs state vector when "last edited" was set, if that edit recorded one: a device
   * whose copy holds it has the version the marker names, whoever it got it from.
   */
  version: Uint8Array | null
  trashedAt: number | null
  /** "Never send to cloud": AI help on this draft uses local providers only. */
  localOnly: boolean
}

// The index document: a map of document id → entry (drafts and designs share it, so the sync
// catch-up, trash and history treat them alike). Each entry is a Y.Map holding the title as
// Y.Text (so two people renaming at once merge), and timestamps as plain numbers.
type Entry = Y.Map<unknown>

function drafts(index: Y.Doc): Y.Map<Entry> {
  return index.getMap<Entry>('drafts')
}

function titleOf(entry: Entry): Y.Text | undefined {
  const title = entry.get('title')
  return title instanceof Y.Text ? title : undefined
}

function numberOf(entry: Entry, key: string): number | null {
  const value = entry.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The state vector recorded with the entry's "last edited", when both come from the same touch. */
function versionOf(entry: Entry, editedAt: number): Uint8Array | null {
  const version = entry.get('version')
  if (typeof version !== 'object' || version === null || !('at' in version) || !('stateVector' in version)) return null
  return version.at === editedAt && version.stateVector instanceof Uint8Array ? version.stateVector : null
}

/** Every document in the index, drafts and designs, malformed entries (from a buggy or hostile peer) skipped. */
export function listDocuments(index: Y.Doc): DraftSummary[] {
  const list: DraftSummary[] = []
  drafts(index).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return
    const createdAt = numberOf(entry, 'createdAt') ?? 0
    const editedAt = numberOf(entry, 'editedAt') ?? createdAt
    list.push({
      id,
      kind: entry.get('kind') === 'design' ? 'design' : 'draft',
      title: titleOf(entry)?.toJSON() ?? '',
      createdAt,
      editedAt,
      version: versionOf(entry, editedAt),
      trashedAt: numberOf(entry, 'trashedAt'),
      localOnly: entry.get('localOnly') === true
    })
  })
  return list
}

/** Every draft in the index (designs left out). */
export function listDrafts(index: Y.Doc): DraftSummary[] {
  return listDocuments(index).filter((d) => d.kind === 'draft')
}

/** Documents of a kind not in the trash, most recently edited first. */
export function activeDocuments(index: Y.Doc, kind: ListedKind): DraftSummary[] {
  return listDocuments(index)
    .filter((d) => d.kind === kind && d.trashedAt === null)
    .sort((a, b) => b.editedAt - a.editedAt)
}

/** Documents of a kind in the trash, most recently trashed first. */
export function trashedDocuments(index: Y.Doc, kind: ListedKind): DraftSummary[] {
  return listDocuments(index)
    .filter((d) => d.kind === kind && d.trashedAt !== null)
    .sort((a, b) => (b.trashedAt ?? 0) - (a.trashedAt ?? 0))
}

/** Drafts not in the trash, most recently edited first. */
export function activeDrafts(index: Y.Doc): DraftSummary[] {
  return activeDocuments(index, 'draft')
}

/** Drafts in the trash, most recently trashed first. */
export function trashedDrafts(index: Y.Doc): DraftSummary[] {
  return trashedDocuments(index, 'draft')
}

export function addDraft(index: Y.Doc, id: string, title: string, now: number): void {
  addDocument(index, id, 'draft', title, now)
}

/** Lists a new document of the given kind. */
export function addDocument(index: Y.Doc, id: string, kind: ListedKind, title: string, now: number): void {
  const entry = new Y.Map<unknown>()
  if (kind !== 'draft') entry.set('kind', kind)
  entry.set('title', new Y.Text(title))
  entry.set('createdAt', now)
  entry.set('editedAt', now)
  drafts(index).set(id, entry)
}

/** The draft's title as shared text, for binding to a title field. */
export function draftTitle(index: Y.Doc, id: string): Y.Text | undefined {
  const entry = drafts(index).get(id)
  return entry instanceof Y.Map ? titleOf(entry) : undefined
}

/** Changes a title with the smallest edit, so a teammate's concurrent edit elsewhere in it survives. */
export function renameDraft(index: Y.Doc, id: string, title: string): void {
  const text = draftTitle(index, id)
  if (!text) return
  const { index: at, remove, insert } = textSplice(text.toJSON(), title)
  index.transact(() => {
    if (remove > 0) text.delete(at, remove)
    if (insert) text.insert(at, insert)
  })
}

/**
 * Sets "last edited", with the draft's state vector at that moment when given. The two go in one
 * value pair keyed by the time: concurrent touches by two teammates may each win one key, and a
 * version whose time is not the marker's is not used.
 */
export function touchDraft(index: Y.Doc, id: string, now: number, stateVector?: Uint8Array): void {
  const entry = drafts(index).get(id)
  if (!(entry instanceof Y.Map)) return
  index.transact(() => {
    entry.set('editedAt', now)
    if (stateVector) entry.set('version', { at: now, stateVector })
  })
}

export function trashDraft(index: Y.Doc, id: string, now: number): void {
  drafts(index).get(id)?.set('trashedAt', now)
}

export function restoreDraft(index: Y.Doc, id: string): void {
  drafts(index).get(id)?.delete('trashedAt')
}

/** Removes documents that have been in the trash longer than the retention; returns their ids. */
export function purgeTrash(index: Y.Doc, now: number): string[] {
  const expired = listDocuments(index)
    .filter((d) => d.trashedAt !== null)
    .filter((d) => now - (d.trashedAt ?? now) > TRASH_RETENTION_MS)
    .map((d) => d.id)
  index.transact(() => {
    for (const id of expired) drafts(index).delete(id)
  })
  return expired
}

/** Sets the draft's "Never send to cloud" switch (synced with the index, so a teammate's copy is private too). */
export function setLocalOnly(index: Y.Doc, id: string, localOnly: boolean): void {
  const entry = drafts(index).get(id)
  if (entry instanceof Y.Map) entry.set('localOnly', localOnly)
}
