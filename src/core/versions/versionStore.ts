import type { Database } from 'better-sqlite3'
import * as Y from 'yjs'
import { AUTO_VERSION_INTERVAL_MS, type VersionKind, type VersionSummary } from '../../shared/contracts/versions'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { fragmentText } from '../../shared/docs/plainText'
import { designText } from '../../shared/design/designText'
import { DRAFT_BODY_FIELD } from '../../shared/editor/fields'
import { countWords } from '../../shared/text/wordCount'
import { DocStore } from '../docs/docStore'

interface Row {
  id: number
  doc_id: string
  kind: VersionKind
  name: string | null
  text: string
  created_at: number
}

const DAY_MS = 24 * 60 * 60 * 1000

function summary(row: Row): VersionSummary {
  return { id: row.id, docId: row.doc_id, kind: row.kind, name: row.name, createdAt: row.created_at, words: countWords(row.text) }
}

/** Full snapshots of documents, made from what is stored (so they include peers' changes). */
export class VersionStore {
  constructor(private readonly db: Database) {}

  list(docId: string): VersionSummary[] {
    return this.db
      .prepare<[string], Row>('SELECT id, doc_id, kind, name, text, created_at FROM doc_versions WHERE doc_id = ? ORDER BY created_at DESC, id DESC')
      .all(docId)
      .map(summary)
  }

  get(id: number): { version: VersionSummary; state: Uint8Array; text: string } | null {
    const row = this.db
      .prepare<[number], Row & { state: Uint8Array }>('SELECT id, doc_id, kind, name, text, state, created_at FROM doc_versions WHERE id = ?')
      .get(id)
    return row ? { version: summary(row), state: row.state, text: row.text } : null
  }

  /** Snapshots the stored document. Returns null when an unnamed version would repeat the last one. */
  create(docId: string, kind: VersionKind, name: string | null, now: number): VersionSummary | null {
    const doc = new Y.Doc()
    applyUpdates(doc, new DocStore(this.db).load(docId).updates)
    const docKind = this.db.prepare<[string], string>('SELECT kind FROM documents WHERE id = ?').pluck().get(docId)
    const text = docKind === 'design' ? designText(doc) : fragmentText(doc.getXmlFragment(DRAFT_BODY_FIELD))
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    const last = this.db
      .prepare<[string], { text: string; state: Uint8Array }>('SELECT text, state FROM doc_versions WHERE doc_id = ? ORDER BY id DESC LIMIT 1')
      .get(docId)
    if (kind !== 'named' && last && Buffer.from(last.state).equals(Buffer.from(state))) return null
    // An empty new draft is not worth a version; a design is (its canvas alone is content).
    if (kind !== 'named' && !last && text === '' && docKind !== 'design') return null
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO doc_versions (doc_id, kind, name, state, text, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(docId, kind, name, state, text, now)
    return summary({ id: Number(lastInsertRowid), doc_id: docId, kind, name, text, created_at: now })
  }

  /** An automatic version, at most one per interval of editing. */
  autoVersion(docId: string, now: number): VersionSummary | null {
    const newest = this.db
      .prepare<[string], number | null>("SELECT max(created_at) FROM doc_versions WHERE doc_id = ? AND kind IN ('auto', 'closed')")
      .pluck()
      .get(docId)
    if (newest !== null && newest !== undefined && now - newest < AUTO_VERSION_INTERVAL_MS) return null
    return this.create(docId, 'auto', null, now)
  }

  /** Removes unnamed versions older than the retention; named versions are kept until deleted. */
  prune(retentionDays: number, now: number): number {
    return this.db
      .prepare("DELETE FROM doc_versions WHERE kind != 'named' AND created_at < ?")
      .run(now - retentionDays * DAY_MS).changes
  }
}
