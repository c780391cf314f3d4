import { setImmediate as nextTurn } from 'node:timers/promises'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../shared/contracts/docs'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { activeDrafts } from '../../shared/workspace/workspaceIndex'
import { BlobStore } from '../blobs/blobStore'
import { DocStore } from '../docs/docStore'
import { exportDraft } from '../transfer/exportDraft'
import { ARCHIVE_DRAFTS_FOLDER } from './archiveLayout'
import { uniqueFileName } from './uniqueFileName'

export interface ArchiveFile {
  name: string
  bytes: Uint8Array
}

/**
 * Every draft not in the trash as `drafts/<title>.md`, read from a copy of the database (so the
 * files match the archived database exactly), exported by the same code as a single draft.
 * Loaded on first use: the converters it pulls in are heavy.
 */
export async function draftMarkdownFiles(databaseFile: string): Promise<ArchiveFile[]> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const docs = new DocStore(db)
    const blobs = new BlobStore(db)
    if (!docs.has(WORKSPACE_INDEX_ID)) return []
    const index = new Y.Doc()
    applyUpdates(index, docs.load(WORKSPACE_INDEX_ID).updates)
    const taken = new Set<string>()
    const files: ArchiveFile[] = []
    for (const draft of activeDrafts(index)) {
      // A draft listed before its document was first written has nothing to export.
      if (!docs.has(draft.id)) continue
      const file = await exportDraft(docs.load(draft.id).updates, 'markdown', draft.title, (hash) => blobs.get(hash))
      files.push({ name: ARCHIVE_DRAFTS_FOLDER + uniqueFileName(file.fileName, taken), bytes: file.bytes })
      // One draft per turn of the event loop, so RPC calls are answered in between.
      await nextTurn()
    }
    index.destroy()
    return files
  } finally {
    db.close()
  }
}
