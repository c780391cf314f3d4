import { EventPublisher } from '@orpc/server'
import type { Database } from 'better-sqlite3'
import type { DocKind } from '../../shared/contracts/docs'
import { GroupCommit } from '../storage/groupCommit'
import { isValidUpdate, mergeInGroups } from '../../shared/docs/yjsUpdates'

export class DocNotFoundError extends Error {
  constructor(readonly docId: string) {
    super(`No document has the id "${docId}".`)
  }
}

export class InvalidUpdateError extends Error {
  constructor(
    readonly docId: string,
    readonly index: number
  ) {
    super(`Update ${index} for document "${docId}" is not a valid Yjs update.`)
  }
}

interface Entry {
  docId: string
  data: Uint8Array
  writer: string | undefined
}

/** Updates made durable together for one document by one writer (undefined: a caller that gave none). */
export interface DocChange {
  updates: Uint8Array[]
  writer: string | undefined
}

/**
 * Yjs documents of every kind in SQLite: appends go to an update log through a group commit
 * and are acknowledged only when durable; loading merges the snapshot, its pending part and
 * the log after it.
 */
export class DocStore {
  private readonly commits: GroupCommit<Entry>
  private readonly statements

  /** Called after each durable batch with how many entries each document got (compaction listens). */
  onAppended: (entriesByDoc: ReadonlyMap<string, number>) => void = () => undefined
  /** Per document id, what each durable batch added to it, for sessions that have it open. */
  readonly changes = new EventPublisher<Record<string, DocChange>>()

  constructor(private readonly db: Database) {
    this.statements = {
      insertDoc: db.prepare<[string, string, number]>(
        'INSERT INTO documents (id, kind, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING'
      ),
      hasDoc: db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck(),
      snapshot: db.prepare<[string], { state: Uint8Array; pending: Uint8Array | null; merged_seq: number }>(
        'SELECT state, pending, merged_seq FROM doc_snapshots WHERE doc_id = ?'
      ),
      updatesAfter: db
        .prepare<[string, number], Uint8Array>('SELECT data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq')
        .pluck(),
      insertUpdate: db.prepare<[string, Uint8Array, number]>(
        'INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)'
      )
    }
    this.commits = new GroupCommit((entries) => this.write(entries))
  }

  create(docId: string, kind: DocKind): boolean {
    return this.statements.insertDoc.run(docId, kind, Date.now()).changes === 1
  }

  has(docId: string): boolean {
    return this.statements.hasDoc.get(docId) !== undefined
  }

  /**
   * Everything stored for the document, as updates to apply in order (snapshot, its pending
   * part, then the log merged in small groups), and how many log entries there were.
   */
  load(docId: string): { updates: Uint8Array[]; updateCount: number } {
    if (!this.has(docId)) throw new DocNotFoundError(docId)
    const snapshot = this.statements.snapshot.get(docId)
    const updates = this.statements.updatesAfter.all(docId, snapshot?.merged_seq ?? 0)
    const base: Uint8Array[] = []
    if (snapshot) base.push(snapshot.state)
    if (snapshot?.pending) base.push(snapshot.pending)
    // concat, not spread: a long log has more entries than a call may take arguments.
    return { updates: base.concat(mergeInGroups(updates)), updateCount: updates.length }
  }

  /** Validates every update first (all or nothing), then resolves once all are durable. */
  append(docId: string, updates: readonly Uint8Array[], writer?: string): Promise<void> {
    if (!this.has(docId)) return Promise.reject(new DocNotFoundError(docId))
    const bad = updates.findIndex((update) => !isValidUpdate(update))
    if (bad !== -1) return Promise.reject(new InvalidUpdateError(docId, bad))
    return this.commits.submit(updates.map((data) => ({ docId, data, writer })))
  }

  /**
   * Deletes a document and everything stored for it: log, snapshot, versions and its search
   * row. Appends already accepted are written first, so none of them fails on a missing row.
   */
  remove(docId: string): boolean {
    this.commits.flush()
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM search_index WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)').run(docId)
      return this.db.prepare('DELETE FROM documents WHERE id = ?').run(docId).changes === 1
    }).immediate()
  }

  /** Writes anything accepted but not yet committed (at shutdown). */
  flush(): void {
    this.commits.flush()
  }

  private write(entries: readonly Entry[]): void {
    const now = Date.now()
    this.db.transaction(() => {
      for (const entry of entries) this.statements.insertUpdate.run(entry.docId, entry.data, now)
    })()
    const counts = new Map<string, number>()
    for (const entry of entries) counts.set(entry.docId, (counts.get(entry.docId) ?? 0) + 1)
    this.onAppended(counts)
    this.publishChanges(entries)
  }

  /** In order: each run of entries for one document by one writer is one change. */
  private publishChanges(entries: readonly Entry[]): void {
    let run: (DocChange & { docId: string }) | null = null
    for (const entry of entries) {
      if (run && run.docId === entry.docId && run.writer === entry.writer) run.updates.push(entry.data)
      else {
        if (run) this.changes.publish(run.docId, { updates: run.updates, writer: run.writer })
        run = { docId: entry.docId, writer: entry.writer, updates: [entry.data] }
      }
    }
    if (run) this.changes.publish(run.docId, { updates: run.updates, writer: run.writer })
  }
}
