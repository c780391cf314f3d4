import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { VersionSummary } from '../../../../shared/contracts/versions'
import { fragmentText } from '../../../../shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../../../shared/editor/fields'
import { wordDiff } from '../../../../shared/text/wordDiff'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { Dialog } from '../../ui/Dialog'
import { restoreVersion } from './restoreVersion'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  auto: 'Automatic',
  closed: 'When closed',
  named: 'Named',
  'before-restore': 'Before a restore'
}

interface HistoryDialogProps {
  open: boolean
  onClose: () => void
  editor: Editor
  draft: DocSession
}

export function HistoryDialog({ open, onClose, editor, draft }: HistoryDialogProps) {
  return (
    <Dialog open={open} label="Version history" onClose={onClose} className="history-dialog">
      <History editor={editor} draft={draft} onClose={onClose} />
    </Dialog>
  )
}

function History({ editor, draft, onClose }: Omit<HistoryDialogProps, 'open'>) {
  const { client } = useCore()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [selected, setSelected] = useState<{ id: number; text: string } | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const currentText = fragmentText(draft.doc.getXmlFragment(DRAFT_BODY_FIELD))

  const load = (): Promise<void> =>
    client.versions.list({ docId: draft.docId }).then(setVersions, (e: unknown) => setError(describeError(e)))
  useEffect(() => {
    void client.versions.list({ docId: draft.docId }).then(setVersions, (e: unknown) => setError(describeError(e)))
  }, [client, draft])

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true)
    setError(null)
    work()
      .catch((e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

  return (
    <>
      <header className="dialog-header">
        <h2>Version history</h2>
        <button type="button" className="icon-button" aria-label="Close version history" onClick={onClose}>
          ×
        </button>
      </header>
      <form
        className="version-name"
        onSubmit={(e) => {
          e.preventDefault()
          act(async () => {
            await draft.whenSaved()
            await client.versions.create({ docId: draft.docId, kind: 'named', name: name.trim() })
            setName('')
            await load()
          })
        }}
      >
        <input aria-label="Version name" placeholder="Name this version, e.g. Sent to editor" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={busy || !name.trim()}>
          Save version
        </button>
      </form>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="history-body">
        <ul className="version-list" aria-label="Versions">
          {versions?.length === 0 ? <li className="empty-state">No versions yet. They are made as you write.</li> : null}
          {versions?.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="draft-item"
                aria-current={selected?.id === v.id ? 'true' : undefined}
                onClick={() => act(async () => setSelected({ id: v.id, text: (await client.versions.get({ id: v.id })).text }))}
              >
                <span className="draft-item-title">{v.name ?? KIND_LABELS[v.kind]}</span>
                <span className="draft-item-meta">
                  {when.format(v.createdAt)} · {v.words} words
                </span>
              </button>
            </li>
          ))}
        </ul>
        <section className="version-preview" aria-label="Changes since this version">
          {selected ? (
            <>
              <p className="hint">
                Changes since this version: <ins>added</ins> <del>removed</del>
              </p>
              <div className="diff">
                {wordDiff(selected.text, currentText).map((part, i) =>
                  part.change === 'added' ? <ins key={i}>{part.text}</ins> : part.change === 'removed' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>
                )}
              </div>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    await restoreVersion(client, editor, draft.docId, selected.id)
                    onClose()
                  })
                }
              >
                Restore this version
              </button>
            </>
          ) : (
            <p className="empty-state">Choose a version to see what changed since.</p>
          )}
        </section>
      </div>
    </>
  )
}
