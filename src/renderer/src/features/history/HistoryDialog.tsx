import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import { fragmentText } from '../../../../shared/docs/plainText'
import { DRAFT_BODY_FIELD } from '../../../../shared/editor/fields'
import { wordDiff } from '../../../../shared/text/wordDiff'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { Dialog } from '../../ui/Dialog'
import { HistoryHeader } from './HistoryHeader'
import { restoreVersion } from './restoreVersion'
import { useVersions, versionName } from './useVersions'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

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
  const history = useVersions(draft)
  const { versions, busy, act } = history
  const [selected, setSelected] = useState<{ id: number; text: string } | null>(null)
  const currentText = fragmentText(draft.doc.getXmlFragment(DRAFT_BODY_FIELD))

  return (
    <>
      <HistoryHeader
        title="Version history"
        closeLabel="Close version history"
        onClose={onClose}
        placeholder="Name this version, e.g. Sent to editor"
        history={history}
      />
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
                <span className="draft-item-title">{versionName(v)}</span>
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
