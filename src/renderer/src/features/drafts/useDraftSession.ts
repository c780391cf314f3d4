import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import type { Awareness } from 'y-protocols/awareness'
import type { ListedKind } from '../../../../shared/workspace/workspaceIndex'
import { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'

export type DraftSessionState =
  | { phase: 'none' }
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; session: DocSession; awareness: Awareness }

/**
 * Opens the selected draft's (or design's) document, and closes it (after its last write) when
 * another is chosen.
 */
export function useDraftSession(draftId: string | null, kind: ListedKind = 'draft'): DraftSessionState {
  const { client, sync } = useCore()
  const [opened, setOpened] = useState<{ id: string; state: DraftSessionState } | null>(null)

  useEffect(() => {
    if (!draftId) return
    let session: DocSession | undefined
    let stopSync: (() => void) | undefined
    let cancelled = false
    // A draft the background catch-up has open is taken over with its room; any other is opened.
    const handed = sync.catchUp?.handOver(draftId)
    const opening = handed
      ? Promise.resolve(handed)
      : DocSession.open(client, draftId, kind).then((s) => ({ session: s, synced: cancelled ? null : sync.register(draftId, s) }))
    opening
      .then(({ session: s, synced }) => {
        session = s
        stopSync = synced?.stop
        if (cancelled || !synced) {
          stopSync?.()
          return void s.close()
        }
        setOpened({ id: draftId, state: { phase: 'ready', session: s, awareness: synced.awareness } })
      })
      .catch((error: unknown) => {
        if (!cancelled) setOpened({ id: draftId, state: { phase: 'failed', message: describeError(error) } })
      })
    return () => {
      cancelled = true
      stopSync?.()
      // Closing a draft records a version of it (skipped by the core when nothing changed).
      void session
        ?.close()
        .then(() => client.versions.create({ docId: draftId, kind: 'closed' }))
        .catch(() => undefined)
    }
  }, [client, sync, draftId, kind])

  if (!draftId) return { phase: 'none' }
  if (opened?.id !== draftId) return { phase: 'loading' }
  return opened.state
}
