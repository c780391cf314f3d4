import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  activeDocuments,
  activeDrafts,
  addDocument,
  addDraft,
  listDocuments,
  listDrafts,
  purgeTrash,
  restoreDraft,
  trashDraft,
  trashedDocuments,
  trashedDrafts,
  TRASH_RETENTION_MS
} from '../../../../src/shared/workspace/workspaceIndex'

const ids = (list: readonly { id: string }[]): string[] => list.map((d) => d.id)

/** An index listing the documents, drafts as the app lists them (addDraft). */
function indexWith(documents: readonly [id: string, kind: 'draft' | 'design', title: string, now: number][]): Y.Doc {
  const index = new Y.Doc()
  for (const [id, kind, title, now] of documents) {
    if (kind === 'draft') addDraft(index, id, title, now)
    else addDocument(index, id, kind, title, now)
  }
  return index
}

/** Moves each document to the trash at the time given. */
function trashAt(index: Y.Doc, times: Record<string, number>): void {
  for (const [id, now] of Object.entries(times)) trashDraft(index, id, now)
}

describe('document kinds in the workspace index', () => {
  it('lists a design among all documents and the active designs, but not among the drafts', () => {
    const index = indexWith([
      ['draft', 'draft', 'Storm report', 1],
      ['design', 'design', 'Sale poster', 2]
    ])

    expect(listDocuments(index).map((d) => [d.id, d.kind, d.title]).sort()).toEqual([
      ['design', 'design', 'Sale poster'],
      ['draft', 'draft', 'Storm report']
    ])
    expect(ids(activeDocuments(index, 'design'))).toEqual(['design'])
    expect(ids(activeDocuments(index, 'draft'))).toEqual(['draft'])
    expect(ids(listDrafts(index))).toEqual(['draft'])
    expect(ids(activeDrafts(index))).toEqual(['draft'])
  })

  it('treats entries without a kind, as older apps wrote them, as drafts', () => {
    const index = new Y.Doc()
    const old = new Y.Map<unknown>()
    old.set('title', new Y.Text('Written by an older app'))
    old.set('createdAt', 5)
    old.set('editedAt', 6)
    index.getMap('drafts').set('old', old)
    addDocument(index, 'explicit', 'draft', 'New draft', 7)

    expect(listDocuments(index).find((d) => d.id === 'old')).toMatchObject({ kind: 'draft', title: 'Written by an older app', editedAt: 6 })
    expect(ids(activeDrafts(index))).toEqual(['explicit', 'old'])
    expect(activeDocuments(index, 'design')).toEqual([])
  })

  it('syncs a design’s kind to a teammate', () => {
    const a = new Y.Doc()
    addDocument(a, 'poster', 'design', 'Poster', 1)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(ids(activeDocuments(b, 'design'))).toEqual(['poster'])
    expect(listDrafts(b)).toEqual([])
  })

  it('orders active designs by last edit', () => {
    const index = indexWith([
      ['older', 'design', 'Older', 1],
      ['newer', 'design', 'Newer', 2]
    ])
    expect(ids(activeDocuments(index, 'design'))).toEqual(['newer', 'older'])
  })

  it('trashes and restores designs, keeping them apart from trashed drafts', () => {
    const index = indexWith([
      ['poster', 'design', 'Poster', 1],
      ['banner', 'design', 'Banner', 1],
      ['draft', 'draft', 'Draft', 1]
    ])

    trashAt(index, { poster: 10, banner: 20, draft: 30 })
    expect(activeDocuments(index, 'design')).toEqual([])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['banner', 'poster'])
    expect(ids(trashedDrafts(index))).toEqual(['draft'])

    restoreDraft(index, 'poster')
    expect(ids(activeDocuments(index, 'design'))).toEqual(['poster'])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['banner'])
    expect(listDocuments(index).find((d) => d.id === 'poster')).toMatchObject({ kind: 'design', trashedAt: null })
  })

  it('purges designs trashed longer than the retention, like drafts', () => {
    const index = indexWith([
      ['old-design', 'design', 'Old design', 0],
      ['recent-design', 'design', 'Recent design', 0],
      ['old-draft', 'draft', 'Old draft', 0]
    ])
    trashAt(index, { 'old-design': 0, 'old-draft': 0, 'recent-design': TRASH_RETENTION_MS })

    expect(purgeTrash(index, TRASH_RETENTION_MS + 1).sort()).toEqual(['old-design', 'old-draft'])
    expect(ids(listDocuments(index))).toEqual(['recent-design'])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['recent-design'])
  })
})
