import { useCallback } from 'react'
import type * as Y from 'yjs'
import { draftTitle, renameDraft } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'
import { useDocSnapshot } from '../../lib/useDocSnapshot'

/** The draft's title, bound to its shared text in the workspace index. */
export function TitleField({ index, draftId }: { index: DocSession; draftId: string }) {
  const title = useDocSnapshot(
    index.doc,
    useCallback((doc: Y.Doc) => draftTitle(doc, draftId)?.toJSON() ?? '', [draftId])
  )
  return (
    <input
      className="title-field"
      aria-label="Title"
      placeholder="Untitled"
      value={title}
      onChange={(event) => renameDraft(index.doc, draftId, event.target.value)}
    />
  )
}
