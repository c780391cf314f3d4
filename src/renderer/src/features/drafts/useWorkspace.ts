import { useEffect, useState } from 'react'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import { activeDrafts, trashedDrafts, type DraftSummary } from '../../../../shared/workspace/workspaceIndex'
import { useCore } from '../../app/coreContext'
import { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'

export type WorkspaceState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; index: DocSession }

/** Opens the workspace index document (titles, drafts list, trash) for the window's lifetime. */
export function useWorkspace(): WorkspaceState {
  const { client, status } = useCore()
  const [state, setState] = useState<WorkspaceState>({ phase: 'loading' })

  useEffect(() => {
    if (status.storage !== 'ready') {
      setState({ phase: 'failed', message: 'Drafts cannot be opened until Holdfast is updated.' })
      return
    }
    let session: DocSession | undefined
    let cancelled = false
    DocSession.open(client, WORKSPACE_INDEX_ID, 'index')
      .then((opened) => {
        session = opened
        if (cancelled) void opened.close()
        else setState({ phase: 'ready', index: opened })
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: describeError(error) })
      })
    return () => {
      cancelled = true
      void session?.close()
    }
  }, [client, status.storage])

  return state
}

/** The drafts list and trash, kept current as the index changes (here or from a peer). */
export function useDraftLists(index: DocSession): { active: DraftSummary[]; trashed: DraftSummary[] } {
  const [lists, setLists] = useState(() => compute(index))
  useEffect(() => {
    const refresh = (): void => setLists(compute(index))
    refresh()
    index.doc.on('update', refresh)
    return () => index.doc.off('update', refresh)
  }, [index])
  return lists
}

function compute(index: DocSession) {
  return { active: activeDrafts(index.doc), trashed: trashedDrafts(index.doc) }
}
