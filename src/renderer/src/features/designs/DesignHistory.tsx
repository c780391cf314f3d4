import { restoreDesign } from '../../../../shared/design/restoreDesign'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { Dialog } from '../../ui/Dialog'
import { HistoryHeader } from '../history/HistoryHeader'
import { useVersions, versionName } from '../history/useVersions'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

interface DesignHistoryProps {
  open: boolean
  onClose: () => void
  session: DocSession
}

/** A design's versions: name the current one, or restore one as a new change (so it merges with teammates'). */
export function DesignHistory({ open, onClose, session }: DesignHistoryProps) {
  return (
    <Dialog open={open} label="Design history" onClose={onClose} className="history-dialog">
      <History session={session} onClose={onClose} />
    </Dialog>
  )
}

function History({ session, onClose }: Omit<DesignHistoryProps, 'open'>) {
  const { client } = useCore()
  const history = useVersions(session)
  const { versions, busy, act } = history

  const restore = (id: number): void =>
    act(async () => {
      const { state } = await client.versions.get({ id })
      await session.whenSaved()
      await client.versions.create({ docId: session.docId, kind: 'before-restore' })
      if (!restoreDesign(session.doc, state)) throw new Error('That version cannot be read either. Choose an earlier one.')
      onClose()
    })

  return (
    <>
      <HistoryHeader
        title="Design history"
        closeLabel="Close design history"
        onClose={onClose}
        placeholder="Name this version, e.g. Approved by client"
        history={history}
      />
      {versions === null ? <p role="status">Loading versions…</p> : null}
      {versions?.length === 0 ? <p className="empty-state">No versions yet. One is saved when you close a design, and every few minutes while you work.</p> : null}
      {versions && versions.length > 0 ? (
        <ul className="version-list" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.id}>
              <span>
                {versionName(version)} · {when.format(version.createdAt)}
              </span>
              <button type="button" disabled={busy} onClick={() => restore(version.id)} aria-label={`Restore ${versionName(version)} from ${when.format(version.createdAt)}`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
