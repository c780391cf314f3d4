import type { Database } from 'better-sqlite3'
import * as Y from 'yjs'
import { applyUpdates, pendingOf } from '../../shared/docs/yjsUpdates'

export interface CompactionResult {
  /** Log entries folded into the snapshot and removed from the log. */
  merged: number
  snapshotBytes: number
  pendingBytes: number
}

/**
 * Folds a document's update log into its snapshot in one transaction. Only the entries that
 * were read are deleted (entries appended meanwhile stay), and anything that could not be
 * integrated yet is kept in the snapshot's pending part, so no update is ever lost.
 */
export function compactDocument(db: Database, docId: string): CompactionResult {
  const snapshot = db
    .prepare<[string], { state: Uint8Array; pending: Uint8Array | null; merged_seq: number }>(
      'SELECT state, pending, merged_seq FROM doc_snapshots WHERE doc_id = ?'
    )
    .get(docId)
  const rows = db
    .prepare<[string, number], { seq: number; data: Uint8Array }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'
    )
    .all(docId, snapshot?.merged_seq ?? 0)
  const last = rows.at(-1)
  if (!last) return { merged: 0, snapshotBytes: snapshot?.state.byteLength ?? 0, pendingBytes: snapshot?.pending?.byteLength ?? 0 }

  const doc = new Y.Doc()
  const base: Uint8Array[] = []
  if (snapshot) base.push(snapshot.state)
  if (snapshot?.pending) base.push(snapshot.pending)
  applyUpdates(doc, base.concat(rows.map((row) => row.data)))
  const state = Y.encodeStateAsUpdate(doc)
  const pending = pendingOf(doc)
  doc.destroy()

  db.transaction(() => {
    db.prepare(
      `INSERT INTO doc_snapshots (doc_id, state, pending, merged_seq, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, pending = excluded.pending,
         merged_seq = excluded.merged_seq, updated_at = excluded.updated_at`
    ).run(docId, state, pending, last.seq, Date.now())
    db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, last.seq)
  }).immediate()
  return { merged: rows.length, snapshotBytes: state.byteLength, pendingBytes: pending?.byteLength ?? 0 }
}
