import { useEffect, useState } from 'react'
import type { VersionSummary } from '../../../../shared/contracts/versions'
import { restoreDesign } from '../../../../shared/design/restoreDesign'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { Dialog } from '../../ui/Dialog'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  auto: 'Automatic',
  closed: 'When closed',
  named: 'Named',
  'before-restore': 'Before a restore'
}

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
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = (): Promise<void> => client.versions.list({ docId: session.docId }).then(setVersions, (e: unknown) => setError(describeError(e)))
  useEffect(() => {
    void client.versions.list({ docId: session.docId }).then(setVersions, (e: unknown) => setError(describeError(e)))
  }, [client, session])

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true)
    setError(null)
    work()
      .catch((e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

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
      <header className="dialog-header">
        <h2>Design history</h2>
        <button type="button" className="icon-button" aria-label="Close design history" onClick={onClose}>
          ×
        </button>
      </header>
      <form
        className="version-name"
        onSubmit={(e) => {
          e.preventDefault()
          act(async () => {
            await session.whenSaved()
            await client.versions.create({ docId: session.docId, kind: 'named', name: name.trim() })
            setName('')
            await load()
          })
        }}
      >
        <input aria-label="Version name" placeholder="Name this version, e.g. Approved by client" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={busy || !name.trim()}>
          Save version
        </button>
      </form>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {versions === null ? <p role="status">Loading versions…</p> : null}
      {versions?.length === 0 ? <p className="empty-state">No versions yet. One is saved when you close a design, and every few minutes while you work.</p> : null}
      {versions && versions.length > 0 ? (
        <ul className="version-list" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.id}>
              <span>
                {version.name ?? KIND_LABELS[version.kind]} · {when.format(version.createdAt)}
              </span>
              <button type="button" disabled={busy} onClick={() => restore(version.id)} aria-label={`Restore ${version.name ?? KIND_LABELS[version.kind]} from ${when.format(version.createdAt)}`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
