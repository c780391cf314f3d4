import { useRef, useState, type ChangeEvent } from 'react'
import { useCore } from '../../app/coreContext'
import { IMPORT_EXTENSIONS } from '../../../../shared/contracts/transfer'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { importDraftFile } from './importDraftFile'
import './transfer.css'

type ImportState =
  | { phase: 'idle' }
  | { phase: 'importing'; fileName: string }
  | { phase: 'imported'; title: string; dropped: string[] }
  | { phase: 'failed'; message: string }

interface ImportDraftProps {
  index: DocSession
  /** Called with the new draft's id once it is listed, to open it. */
  onImported: (id: string) => void
}

/** "Import…": picks a Markdown, HTML, plain text or Word file and opens it as a new draft. */
export function ImportDraft({ index, onImported }: ImportDraftProps) {
  const { client } = useCore()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<ImportState>({ phase: 'idle' })

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0]
    // Cleared so that choosing the same file again imports it again.
    event.target.value = ''
    if (!file) return
    setState({ phase: 'importing', fileName: file.name })
    importDraftFile(client, index, file)
      .then(({ id, title, dropped }) => {
        setState({ phase: 'imported', title, dropped })
        onImported(id)
      })
      .catch((error: unknown) => setState({ phase: 'failed', message: describeError(error) }))
  }

  return (
    <div className="transfer-import">
      <button type="button" onClick={() => input.current?.click()} disabled={state.phase === 'importing'}>
        Import…
      </button>
      <input ref={input} type="file" accept={IMPORT_EXTENSIONS.join(',')} hidden tabIndex={-1} aria-label="File to import" onChange={onFile} />
      {state.phase === 'importing' ? <p role="status">Importing “{state.fileName}”…</p> : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="inline-error">
          {state.message}
        </p>
      ) : null}
      {state.phase === 'imported' && state.dropped.length > 0 ? (
        <div role="status" className="notice transfer-dropped">
          <p>Imported “{state.title || 'Untitled'}”. Left out:</p>
          <ul>
            {state.dropped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setState({ phase: 'idle' })}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
