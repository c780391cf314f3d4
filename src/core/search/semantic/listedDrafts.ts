import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../../shared/contracts/docs'
import { applyUpdates } from '../../../shared/docs/yjsUpdates'
import { listDrafts, type DraftSummary } from '../../../shared/workspace/workspaceIndex'
import type { DocStore } from '../../docs/docStore'

/** The drafts the stored workspace index lists (in the list or the trash), by id. */
export function listedDrafts(docs: DocStore): Map<string, DraftSummary> {
  if (!docs.has(WORKSPACE_INDEX_ID)) return new Map()
  const index = new Y.Doc()
  applyUpdates(index, docs.load(WORKSPACE_INDEX_ID).updates)
  const drafts = new Map(listDrafts(index).map((draft) => [draft.id, draft]))
  index.destroy()
  return drafts
}
