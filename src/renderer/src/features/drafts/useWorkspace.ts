import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import { activeDrafts, purgeTrash, trashedDrafts, type DraftSummary } from '../../../../shared/workspace/workspaceIndex'
import { useCore } from '../../app/coreContext'
import { DocSession } from '../../lib/docSession'
import { CatchUp } from '../../lib/sync/catchUp'
import { describeError } from '../../lib/rpcError'
import { useDocSnapshot } from '../../lib/useDocSnapshot'

export type WorkspaceState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'blocked' }
  | { phase: 'ready'; index: DocSession }

/** Opens the workspace index document (titles, drafts list, trash) for the window's lifetime. */
export function useWorkspace(): WorkspaceState {
  const { client, status, sync } = useCore()
  const [state, setState] = useState<WorkspaceState>({ phase: 'loading' })
  const usable = status.storage === 'ready'

  useEffect(() => {
    if (!usable) return
    let session: DocSession | undefined
    let stopSync: (() => void) | undefined
    let cancelled = false
    DocSession.open(client, WORKSPACE_INDEX_ID, 'index')
      .then((opened) => {
        session = opened
        if (cancelled) return void opened.close()
        const indexSync = sync.register(WORKSPACE_INDEX_ID, opened)
        const catchUp = new CatchUp(client, sync, opened.doc)
        sync.catchUp = catchUp
        void catchUp.start()
        stopSync = () => {
          catchUp.stop()
          if (sync.catchUp === catchUp) sync.catchUp = null
          indexSync.stop()
        }
        // Drafts trashed more than 30 days ago leave the index, then the database (once the index
        // change is durable, so a crash in between leaves them in the trash, not half gone).
        const expired = purgeTrash(opened.doc, Date.now())
        if (expired.length > 0) {
          void opened.whenSaved().then(() =>
            Promise.allSettled(expired.map((docId) => client.docs.remove({ docId })))
          )
        }
        setState({ phase: 'ready', index: opened })
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: describeError(error) })
      })
    return () => {
      cancelled = true
      stopSync?.()
      void session?.close()
    }
  }, [client, sync, usable])

  // The start-up notice already says why and what to do.
  if (!usable) return { phase: 'blocked' }
  return state
}

function draftLists(doc: Y.Doc): { active: DraftSummary[]; trashed: DraftSummary[] } {
  return { active: activeDrafts(doc), trashed: trashedDrafts(doc) }
}

/** The drafts list and trash, kept current as the index changes (here or from a peer). */
export function useDraftLists(index: DocSession): { active: DraftSummary[]; trashed: DraftSummary[] } {
  return useDocSnapshot(index.doc, draftLists)
}
