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

describe('document kinds in the workspace index', () => {
  it('lists a design among all documents and the active designs, but not among the drafts', () => {
    const index = new Y.Doc()
    addDraft(index, 'draft', 'Storm report', 1)
    addDocument(index, 'design', 'design', 'Sale poster', 2)

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
    const index = new Y.Doc()
    addDocument(index, 'older', 'design', 'Older', 1)
    addDocument(index, 'newer', 'design', 'Newer', 2)
    expect(ids(activeDocuments(index, 'design'))).toEqual(['newer', 'older'])
  })

  it('trashes and restores designs, keeping them apart from trashed drafts', () => {
    const index = new Y.Doc()
    addDocument(index, 'poster', 'design', 'Poster', 1)
    addDocument(index, 'banner', 'design', 'Banner', 1)
    addDraft(index, 'draft', 'Draft', 1)

    trashDraft(index, 'poster', 10)
    trashDraft(index, 'banner', 20)
    trashDraft(index, 'draft', 30)
    expect(activeDocuments(index, 'design')).toEqual([])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['banner', 'poster'])
    expect(ids(trashedDrafts(index))).toEqual(['draft'])

    restoreDraft(index, 'poster')
    expect(ids(activeDocuments(index, 'design'))).toEqual(['poster'])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['banner'])
    expect(listDocuments(index).find((d) => d.id === 'poster')).toMatchObject({ kind: 'design', trashedAt: null })
  })

  it('purges designs trashed longer than the retention, like drafts', () => {
    const index = new Y.Doc()
    addDocument(index, 'old-design', 'design', 'Old design', 0)
    addDocument(index, 'recent-design', 'design', 'Recent design', 0)
    addDraft(index, 'old-draft', 'Old draft', 0)
    trashDraft(index, 'old-design', 0)
    trashDraft(index, 'old-draft', 0)
    trashDraft(index, 'recent-design', TRASH_RETENTION_MS)

    expect(purgeTrash(index, TRASH_RETENTION_MS + 1).sort()).toEqual(['old-design', 'old-draft'])
    expect(ids(listDocuments(index))).toEqual(['recent-design'])
    expect(ids(trashedDocuments(index, 'design'))).toEqual(['recent-design'])
  })
})
