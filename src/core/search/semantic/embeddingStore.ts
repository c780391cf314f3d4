import type { Database } from 'better-sqlite3'

/** A draft's text as the full-text index holds it: the title, then one paragraph per line. */
export interface DraftText {
  docId: string
  title: string
  body: string
}

export interface StoredChunk {
  docId: string
  text: string
  vector: Float32Array
}

export interface ChunkToSave {
  text: string
  hash: string
  vector: Float32Array
}

/** Float32 in the machine's byte order (little-endian on every platform Holdfast ships for). */
function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
}

function fromBlob(blob: Buffer): Float32Array {
  // A copy: a Buffer from SQLite need not start on a 4-byte boundary.
  return new Float32Array(new Uint8Array(blob).buffer)
}

/**
 * The chunk vectors of drafts in SQLite. Drafts' text is read from the full-text index, which
 * the maintenance worker keeps up to date from stored documents (local edits and peers' alike).
 */
export class EmbeddingStore {
  private readonly statements

  constructor(private readonly db: Database) {
    this.statements = {
      textPage: db.prepare<[number, number], { rowid: number; doc_id: string; title: string; body: string }>(
        'SELECT rowid, doc_id, title, body FROM search_index WHERE rowid > ? ORDER BY rowid LIMIT ?'
      ),
      text: db.prepare<[string], { title: string; body: string }>(
        "SELECT s.title, s.body FROM documents d JOIN search_index s ON s.rowid = d.rowid WHERE d.id = ? AND d.kind = 'draft'"
      ),
      title: db.prepare<[string], string>('SELECT s.title FROM documents d JOIN search_index s ON s.rowid = d.rowid WHERE d.id = ?').pluck(),
      states: db.prepare<[], { doc_id: string; model_id: string; text_hash: string }>('SELECT doc_id, model_id, text_hash FROM embedding_docs'),
      chunksOf: db.prepare<[string, string], { hash: string; text: string; vector: Buffer }>(
        `SELECT c.hash, c.text, c.vector FROM embedding_chunks c JOIN embedding_docs d ON d.doc_id = c.doc_id
          WHERE c.doc_id = ? AND d.model_id = ? ORDER BY c.position`
      ),
      allChunks: db.prepare<[string], { doc_id: string; text: string; vector: Buffer }>(
        'SELECT c.doc_id, c.text, c.vector FROM embedding_chunks c JOIN embedding_docs d ON d.doc_id = c.doc_id WHERE d.model_id = ?'
      ),
      hasDoc: db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck(),
      upsertDoc: db.prepare<[string, string, string, number]>(
        `INSERT INTO embedding_docs (doc_id, model_id, text_hash, embedded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET model_id = excluded.model_id, text_hash = excluded.text_hash, embedded_at = excluded.embedded_at`
      ),
      deleteChunks: db.prepare<[string]>('DELETE FROM embedding_chunks WHERE doc_id = ?'),
      insertChunk: db.prepare<[string, number, string, string, Buffer]>(
        'INSERT INTO embedding_chunks (doc_id, position, hash, text, vector) VALUES (?, ?, ?, ?, ?)'
      )
    }
  }

  /** Drafts' text in rowid order, `limit` at a time after `afterRowid` (0 to start). */
  textPage(afterRowid: number, limit: number): (DraftText & { rowid: number })[] {
    return this.statements.textPage.all(afterRowid, limit).map((row) => ({ rowid: row.rowid, docId: row.doc_id, title: row.title, body: row.body }))
  }

  /** A draft's text, or undefined when it is gone (or not indexed yet). */
  text(docId: string): DraftText | undefined {
    const row = this.statements.text.get(docId)
    return row ? { docId, ...row } : undefined
  }

  title(docId: string): string | undefined {
    return this.statements.title.get(docId)
  }

  /** Which model and which text each embedded draft's chunks were made from. */
  states(): Map<string, { modelId: string; textHash: string }> {
    return new Map(this.statements.states.all().map((row) => [row.doc_id, { modelId: row.model_id, textHash: row.text_hash }]))
  }

  /** A draft's chunks in order, if they were made by this model. */
  chunksOf(docId: string, modelId: string): { hash: string; text: string; vector: Float32Array }[] {
    return this.statements.chunksOf.all(docId, modelId).map((row) => ({ hash: row.hash, text: row.text, vector: fromBlob(row.vector) }))
  }

  /** Every chunk this model made, one at a time (for brute-force nearest neighbours). */
  *allChunks(modelId: string): Generator<StoredChunk> {
    for (const row of this.statements.allChunks.iterate(modelId)) yield { docId: row.doc_id, text: row.text, vector: fromBlob(row.vector) }
  }

  /** Replaces a draft's chunks. Returns false (and stores nothing) when the draft was removed meanwhile. */
  save(docId: string, modelId: string, textHash: string, chunks: readonly ChunkToSave[], now: number): boolean {
    return this.db.transaction(() => {
      if (this.statements.hasDoc.get(docId) === undefined) return false
      this.statements.upsertDoc.run(docId, modelId, textHash, now)
      this.statements.deleteChunks.run(docId)
      chunks.forEach((chunk, position) => this.statements.insertChunk.run(docId, position, chunk.hash, chunk.text, toBlob(chunk.vector)))
      return true
    }).immediate()
  }
}
