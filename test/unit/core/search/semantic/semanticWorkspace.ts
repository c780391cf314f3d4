import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../../../../../src/core/docs/docStore'
import { indexDocument } from '../../../../../src/core/search/indexDocument'
import { EmbeddingModel } from '../../../../../src/core/search/semantic/embeddingModel'
import { SemanticSearch } from '../../../../../src/core/search/semantic/semanticSearch'
import { WORKSPACE_INDEX_ID } from '../../../../../src/shared/contracts/docs'
import { DRAFT_BODY_FIELD } from '../../../../../src/shared/editor/fields'
import { addDraft, renameDraft, trashDraft } from '../../../../../src/shared/workspace/workspaceIndex'
import { memoryDb } from '../../../../support/docsDb'
import { draftDoc } from '../../../../support/drafts'
import { silentLog } from '../../../../support/inProcessCore'

/** A workspace database with drafts written as the editor writes them, indexed for full text at once. */
export function draftWorkspace() {
  const db = memoryDb()
  db.pragma('foreign_keys = ON')
  const docs = new DocStore(db)
  docs.create(WORKSPACE_INDEX_ID, 'index')
  const index = new Y.Doc()
  const drafts = new Map<string, Y.Doc>()
  const save = async (docId: string, doc: Y.Doc): Promise<void> => {
    await docs.append(docId, [Y.encodeStateAsUpdate(doc)])
    indexDocument(db, docId)
  }
  return {
    db,
    docs,
    async add(id: string, title: string, paragraphs: string[]): Promise<void> {
      docs.create(id, 'draft')
      addDraft(index, id, title, 1)
      await save(WORKSPACE_INDEX_ID, index)
      const doc = draftDoc(paragraphs.map((text) => ['paragraph', text]))
      drafts.set(id, doc)
      await save(id, doc)
    },
    /** Replaces the text of one paragraph. */
    async editParagraph(id: string, at: number, text: string): Promise<void> {
      const doc = drafts.get(id)!
      const element = doc.getXmlFragment(DRAFT_BODY_FIELD).get(at) as Y.XmlElement
      const content = element.get(0) as Y.XmlText
      doc.transact(() => {
        content.delete(0, content.length)
        content.insert(0, text)
      })
      await save(id, doc)
    },
    async rename(id: string, title: string): Promise<void> {
      renameDraft(index, id, title)
      await save(WORKSPACE_INDEX_ID, index)
    },
    async trash(id: string): Promise<void> {
      trashDraft(index, id, 2)
      await save(WORKSPACE_INDEX_ID, index)
    }
  }
}

/** A folder that looks like an installed encoder model (config.json only): enough to be chosen, not to run. */
export function fakeModelFolder(modelsDir: string, id: string): void {
  mkdirSync(join(modelsDir, ...id.split('/')), { recursive: true })
  writeFileSync(join(modelsDir, ...id.split('/'), 'config.json'), JSON.stringify({ model_type: 'bert' }))
}

/**
 * Stands in for the inference host: a bag-of-words vector per text over a fixed vocabulary,
 * and a record of every text it was asked to embed.
 */
export class CountingHost {
  readonly embedded: string[] = []
  /** Why local models cannot run here, to act as a computer without ONNX Runtime. */
  readonly cannotRun: string | undefined
  constructor(
    readonly modelsDir: string,
    private readonly words: readonly string[],
    cannotRun?: string
  ) {
    this.cannotRun = cannotRun
  }

  embed({ texts }: { modelId: string; texts: string[] }): Promise<Float32Array[]> {
    this.embedded.push(...texts)
    return Promise.resolve(
      texts.map((text) => {
        const vector = new Float32Array(this.words.length + 1)
        const found = text.toLowerCase().match(/\p{L}+/gu) ?? []
        for (const word of found) {
          const at = this.words.indexOf(word)
          if (at >= 0) vector[at]! += 1
        }
        vector[this.words.length] = 0.01
        const norm = Math.hypot(...vector)
        return vector.map((value) => value / norm)
      })
    )
  }
}

/** Semantic search on a workspace, closed after the test. */
export function useSemanticSearch(): (db: ReturnType<typeof draftWorkspace>['db'], model: EmbeddingModel) => SemanticSearch {
  const open: SemanticSearch[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((search) => search.close()))
  })
  return (db, model) => {
    const search = new SemanticSearch({ db, model, waitForIndex: () => Promise.resolve(), log: silentLog, delayMs: 60_000 })
    open.push(search)
    return search
  }
}
