import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  activeDrafts,
  addDraft,
  purgeTrash,
  renameDraft,
  restoreDraft,
  trashDraft,
  trashedDrafts,
  TRASH_RETENTION_MS,
  touchDraft
} from '../../../../src/shared/workspace/workspaceIndex'

describe('workspace index', () => {
  it('lists active drafts by last edit and keeps trashed ones apart', () => {
    const index = new Y.Doc()
    addDraft(index, 'a', 'Alpha', 1)
    addDraft(index, 'b', 'Beta', 2)
    touchDraft(index, 'a', 3)
    expect(activeDrafts(index).map((d) => d.id)).toEqual(['a', 'b'])
    trashDraft(index, 'a', 4)
    expect(activeDrafts(index).map((d) => d.id)).toEqual(['b'])
    expect(trashedDrafts(index).map((d) => d.id)).toEqual(['a'])
    restoreDraft(index, 'a')
    expect(trashedDrafts(index)).toEqual([])
  })

  it('sends the state vector of a touch with its marker, and drops one whose time is not the marker’s', () => {
    const a = new Y.Doc()
    addDraft(a, 'd', 'Draft', 1)
    expect(activeDrafts(a)[0]?.version).toBeNull()
    touchDraft(a, 'd', 2, new Uint8Array([1, 7, 3]))
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(activeDrafts(b)[0]).toMatchObject({ editedAt: 2, version: new Uint8Array([1, 7, 3]) })
    // A touch without a state vector (or a concurrent one winning only "last edited") leaves no version.
    touchDraft(b, 'd', 3)
    expect(activeDrafts(b)[0]).toMatchObject({ editedAt: 3, version: null })
  })

  it('merges two people renaming at once instead of one overwriting the other', () => {
    const a = new Y.Doc()
    addDraft(a, 'd', 'Storm', 1)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    renameDraft(a, 'd', 'Big Storm')
    renameDraft(b, 'd', 'Storm coverage')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(activeDrafts(a)[0]?.title).toBe('Big Storm coverage')
    expect(activeDrafts(b)[0]?.title).toBe('Big Storm coverage')
  })

  it('purges drafts trashed more than 30 days ago', () => {
    const index = new Y.Doc()
    addDraft(index, 'old', 'Old', 0)
    addDraft(index, 'recent', 'Recent', 0)
    trashDraft(index, 'old', 0)
    trashDraft(index, 'recent', TRASH_RETENTION_MS)
    expect(purgeTrash(index, TRASH_RETENTION_MS + 1)).toEqual(['old'])
    expect(trashedDrafts(index).map((d) => d.id)).toEqual(['recent'])
  })

  it('skips entries a buggy or hostile peer wrote in the wrong shape', () => {
    const index = new Y.Doc()
    addDraft(index, 'good', 'Good', 1)
    index.getMap('drafts').set('bad', 'not a map' as never)
    expect(activeDrafts(index).map((d) => d.id)).toEqual(['good'])
  })
})
