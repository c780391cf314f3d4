import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../../../../src/core/docs/docStore'
import { indexDocument } from '../../../../src/core/search/indexDocument'
import { searchDrafts, toFtsQuery, toSegments } from '../../../../src/core/search/searchDrafts'
import { WORKSPACE_INDEX_ID } from '../../../../src/shared/contracts/docs'
import { addDraft, renameDraft } from '../../../../src/shared/workspace/workspaceIndex'
import { memoryDb } from '../../../support/docsDb'
import { draftDoc } from '../../../support/drafts'

function workspace() {
  const db = memoryDb()
  const store = new DocStore(db)
  store.create(WORKSPACE_INDEX_ID, 'index')
  const index = new Y.Doc()
  const save = async (docId: string, doc: Y.Doc): Promise<void> => {
    await store.append(docId, [Y.encodeStateAsUpdate(doc)])
    indexDocument(db, docId)
  }
  const addDraftDoc = async (id: string, title: string, blocks: [string, string][]): Promise<void> => {
    store.create(id, 'draft')
    addDraft(index, id, title, 1)
    await save(WORKSPACE_INDEX_ID, index)
    await save(id, draftDoc(blocks))
  }
  return { db, index, save, addDraftDoc }
}

describe('toFtsQuery', () => {
  it('turns words into quoted prefix terms and drops FTS syntax', () => {
    expect(toFtsQuery('river flood')).toBe('"river"* "flood"*')
    expect(toFtsQuery('title:x OR "y" NEAR(z)')).toBe('"title"* "x"* "OR"* "y"* "NEAR"* "z"*')
    expect(toFtsQuery('  !!! ')).toBeNull()
    expect(toFtsQuery('café über')).toBe('"café"* "über"*')
  })
})

describe('toSegments', () => {
  it('splits marked text into matched and plain parts', () => {
    expect(toSegments('the \uE000river\uE001 rose')).toEqual([
      { text: 'the ', match: false },
      { text: 'river', match: true },
      { text: ' rose', match: false }
    ])
  })
})

describe('searchDrafts', () => {
  it('finds drafts by words in their text or title, with highlighted snippets', async () => {
    const { db, addDraftDoc } = workspace()
    await addDraftDoc('a', 'Storm coverage', [['paragraph', 'The river rose two metres overnight.']])
    await addDraftDoc('b', 'Budget vote', [['paragraph', 'Council approved the budget.']])
    const byBody = searchDrafts(db, 'rive', 10)
    expect(byBody.map((h) => h.docId)).toEqual(['a'])
    expect(byBody[0]?.snippet).toContainEqual({ text: 'river', match: true })
    const byTitle = searchDrafts(db, 'budget', 10)
    expect(byTitle.map((h) => h.docId)).toEqual(['b'])
    expect(byTitle[0]?.title).toContainEqual({ text: 'Budget', match: true })
    expect(searchDrafts(db, 'metres storm', 10).map((h) => h.docId)).toEqual(['a'])
    expect(searchDrafts(db, 'nothing-here', 10)).toEqual([])
  })

  it('follows renames and text changes after re-indexing', async () => {
    const { db, index, save, addDraftDoc } = workspace()
    await addDraftDoc('a', 'Draft', [['paragraph', 'alpha']])
    renameDraft(index, 'a', 'Election night')
    await save(WORKSPACE_INDEX_ID, index)
    expect(searchDrafts(db, 'election', 10).map((h) => h.docId)).toEqual(['a'])
    await save('a', draftDoc([['paragraph', 'beta']]))
    expect(searchDrafts(db, 'beta', 10).map((h) => h.docId)).toEqual(['a'])
  })

  it('matches accented words without their accents', async () => {
    const { db, addDraftDoc } = workspace()
    await addDraftDoc('a', 'Café', [['paragraph', 'Résumé of the débat']])
    expect(searchDrafts(db, 'resume debat', 10).map((h) => h.docId)).toEqual(['a'])
  })
})
