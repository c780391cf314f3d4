import type { Database } from 'better-sqlite3'
import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../shared/contracts/docs'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { fragmentText } from '../../shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../shared/editor/fields'
import { listDrafts } from '../../shared/workspace/workspaceIndex'
import { DocStore } from '../docs/docStore'

function loadDoc(db: Database, docId: string): Y.Doc {
  const doc = new Y.Doc()
  applyUpdates(doc, new DocStore(db).load(docId).updates)
  return doc
}

/**
 * Brings a document's search row up to date from what is stored. For a draft that is its
 * body; for the workspace index, every draft's title.
 */
export function indexDocument(db: Database, docId: string): { indexed: number } {
  const kind = db.prepare<[string], string>('SELECT kind FROM documents WHERE id = ?').pluck().get(docId)
  if (kind === undefined) return { indexed: 0 }
  const rowid = db.prepare<[string], number>('SELECT rowid FROM documents WHERE id = ?').pluck()
  const existing = db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_index WHERE rowid = ?')
  const remove = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?')
  const insert = db.prepare<[number, string, string, string]>('INSERT INTO search_index (rowid, doc_id, title, body) VALUES (?, ?, ?, ?)')
  const upsert = (id: string, change: { title?: string; body?: string }): boolean => {
    const key = rowid.get(id)
    if (key === undefined) return false
    const before = existing.get(key)
    const title = change.title ?? before?.title ?? ''
    const body = change.body ?? before?.body ?? ''
    if (before && before.title === title && before.body === body) return false
    remove.run(key)
    insert.run(key, id, title, body)
    return true
  }

  // Write transactions start IMMEDIATE: a read that later upgrades to a write fails at once
  // (SQLITE_BUSY, no waiting) if the core appended in between.
  if (kind === 'index') {
    const index = loadDoc(db, docId)
    const drafts = listDrafts(index)
    index.destroy()
    let indexed = 0
    db.transaction(() => {
      for (const draft of drafts) if (upsert(draft.id, { title: draft.title })) indexed++
    }).immediate()
    return { indexed }
  }
  if (kind !== 'draft') return { indexed: 0 }
  const draft = loadDoc(db, docId)
  const body = fragmentText(draft.getXmlFragment(DRAFT_BODY_FIELD))
  draft.destroy()
  // A new draft's title may not be indexed yet: take it from the workspace index.
  const needsTitle = rowid.get(docId) !== undefined && !existing.get(rowid.get(docId) ?? -1)
  const title = needsTitle ? titleFromIndex(db, docId) : undefined
  return { indexed: db.transaction(() => (upsert(docId, { body, title }) ? 1 : 0)).immediate() }
}

function titleFromIndex(db: Database, docId: string): string | undefined {
  const has = db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck().get(WORKSPACE_INDEX_ID)
  if (has === undefined) return undefined
  const index = loadDoc(db, WORKSPACE_INDEX_ID)
  const title = listDrafts(index).find((d) => d.id === docId)?.title
  index.destroy()
  return title
}
