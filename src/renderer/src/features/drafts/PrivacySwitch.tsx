import { useCallback } from 'react'
import type * as Y from 'yjs'
import { listDrafts, setLocalOnly } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'
import { useDocSnapshot } from '../../lib/useDocSnapshot'

/** Whether a draft's "Never send to cloud" switch is on, read from the workspace index. */
export function useDraftLocalOnly(index: DocSession, draftId: string): boolean {
  const compute = useCallback((doc: Y.Doc) => listDrafts(doc).find((d) => d.id === draftId)?.localOnly ?? false, [draftId])
  return useDocSnapshot(index.doc, compute)
}

/** "Never send to cloud", visible on every draft: AI help on it stays on this computer. */
export function PrivacySwitch({ index, draftId, workspaceLocalOnly }: { index: DocSession; draftId: string; workspaceLocalOnly: boolean }) {
  const localOnly = useDraftLocalOnly(index, draftId)
  return (
    <label className="privacy-switch" title={workspaceLocalOnly ? 'On for the whole workspace in Settings' : 'AI help on this draft uses only local models and rules'}>
      <input
        type="checkbox"
        role="switch"
        checked={localOnly || workspaceLocalOnly}
        disabled={workspaceLocalOnly}
        onChange={(e) => setLocalOnly(index.doc, draftId, e.target.checked)}
      />
      Never send to cloud
    </label>
  )
}
