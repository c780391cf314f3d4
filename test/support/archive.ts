import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { DocStore } from '../../src/core/docs/docStore'
import { migrate } from '../../src/core/storage/migrate'
import { migrations } from '../../src/core/storage/migrations'
import type { CoreClient } from '../../src/shared/contracts'
import { ARCHIVE_CHUNK_BYTES } from '../../src/shared/contracts/archive'
import { WORKSPACE_INDEX_ID } from '../../src/shared/contracts/docs'
import { fragmentText } from '../../src/shared/docs/plainText'
import { applyUpdates } from '../../src/shared/docs/yjsUpdates'
import { DRAFT_BODY_FIELD } from '../../src/shared/editor/fields'
import { activeDrafts, addDraft, trashDraft } from '../../src/shared/workspace/workspaceIndex'
import { draftUpdates } from './transfer'
import { recordUpdates } from './yjs'

export interface SeedDraft {
  id: string
  title: string
  text: string
  trashed?: boolean
}

/** The workspace index listing the drafts, and each draft's body (a paragraph of text), as Yjs updates. */
function workspaceUpdates(drafts: readonly SeedDraft[]): { index: Uint8Array[]; bodies: [string, Uint8Array[]][] } {
  const index = new Y.Doc()
  const updates = recordUpdates(index)
  drafts.forEach((draft, i) => {
    addDraft(index, draft.id, draft.title, 1_000 + i)
    if (draft.trashed) trashDraft(index, draft.id, 2_000 + i)
  })
  const bodies = drafts.map((d): [string, Uint8Array[]] => [d.id, draftUpdates([{ type: 'paragraph', content: [{ type: 'text', text: d.text }] }])])
  return { index: updates, bodies }
}

/** Writes drafts and the workspace index listing them over RPC, as the app does. */
export async function seedDrafts(client: CoreClient, drafts: readonly SeedDraft[]): Promise<void> {
  const { index, bodies } = workspaceUpdates(drafts)
  for (const [docId, updates] of bodies) {
    await client.docs.create({ docId, kind: 'draft' })
    await client.docs.append({ docId, updates })
  }
  await client.docs.create({ docId: WORKSPACE_INDEX_ID, kind: 'index' })
  await client.docs.append({ docId: WORKSPACE_INDEX_ID, updates: index })
}

/** A workspace database as an older Holdfast left it: migrated only up to `version`, holding the drafts. */
export async function olderWorkspace(file: string, version: number, drafts: readonly SeedDraft[]): Promise<void> {
  const db = new Database(file)
  migrate(db, migrations.filter((m) => m.version <= version))
  const docs = new DocStore(db)
  const { index, bodies } = workspaceUpdates(drafts)
  for (const [docId, updates] of [[WORKSPACE_INDEX_ID, index] as [string, Uint8Array[]], ...bodies]) {
    docs.create(docId, docId === WORKSPACE_INDEX_ID ? 'index' : 'draft')
    await docs.append(docId, updates)
  }
  db.close()
}

/** The plain text of a stored draft, loaded over RPC. */
export async function draftText(client: CoreClient, docId: string): Promise<string> {
  const doc = new Y.Doc()
  applyUpdates(doc, (await client.docs.load({ docId })).updates)
  return fragmentText(doc.getXmlFragment(DRAFT_BODY_FIELD))
}

/** Titles of the drafts not in the trash, as the drafts list shows them (most recently edited first). */
export async function listedTitles(client: CoreClient): Promise<string[]> {
  const index = new Y.Doc()
  applyUpdates(index, (await client.docs.load({ docId: WORKSPACE_INDEX_ID })).updates)
  return activeDrafts(index).map((draft) => draft.title)
}

/** Exports the workspace and reads the archive chunk by chunk, as the renderer does. */
export async function downloadArchive(client: CoreClient): Promise<{ bytes: Uint8Array; fileName: string; draftCount: number; chunks: number }> {
  const begun = await client.archive.exportBegin()
  const parts: Uint8Array[] = []
  for (let offset = 0; offset < begun.size; ) {
    const { bytes } = await client.archive.exportChunk({ archiveId: begun.archiveId, offset })
    parts.push(bytes)
    offset += bytes.byteLength
  }
  await client.archive.exportEnd({ archiveId: begun.archiveId })
  return { bytes: new Uint8Array(Buffer.concat(parts)), fileName: begun.fileName, draftCount: begun.draftCount, chunks: parts.length }
}

/** Uploads an archive chunk by chunk and imports it. */
export async function uploadArchive(client: CoreClient, bytes: Uint8Array): Promise<{ imported: true }> {
  const { uploadId } = await client.archive.importBegin({ size: bytes.byteLength })
  for (let offset = 0; offset < bytes.byteLength; offset += ARCHIVE_CHUNK_BYTES) {
    await client.archive.importChunk({ uploadId, offset, bytes: bytes.subarray(offset, offset + ARCHIVE_CHUNK_BYTES) })
  }
  return client.archive.importFinish({ uploadId })
}
