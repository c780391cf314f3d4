import { describe, expect, it } from 'vitest'
import { memoryDb } from '../../../../support/docsDb'

describe('migration 007: embeddings', () => {
  it('keeps chunks per draft and position, and drops them with their document', () => {
    const db = memoryDb()
    db.pragma('foreign_keys = ON')
    db.prepare("INSERT INTO documents (id, kind, created_at) VALUES ('d', 'draft', 0)").run()
    db.prepare("INSERT INTO embedding_docs (doc_id, model_id, text_hash, embedded_at) VALUES ('d', 'm', 'h', 0)").run()
    const insert = db.prepare("INSERT INTO embedding_chunks (doc_id, position, hash, text, vector) VALUES ('d', 0, 'h', 't', x'0000803f')")
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/)
    db.prepare("DELETE FROM documents WHERE id = 'd'").run()
    expect(db.prepare('SELECT count(*) FROM embedding_chunks').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM embedding_docs').pluck().get()).toBe(0)
  })
})
