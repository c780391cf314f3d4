import { useRef, type ChangeEvent } from 'react'
import { ARCHIVE_ACCEPT } from '../../../../shared/contracts/archive'
import { useCore } from '../../app/coreContext'
import { ArchiveProgress } from './ArchiveProgress'
import { ConfirmImportDialog } from './ConfirmImportDialog'
import { useWorkspaceArchive } from './useWorkspaceArchive'
import './archive.css'

/** "Export workspace…" and "Import workspace…": the whole workspace as one .zip, and back. */
export function WorkspaceArchivePanel() {
  const { status } = useCore()
  const input = useRef<HTMLInputElement>(null)
  const { task, exportWorkspace, askToImport, confirmImport, cancelImport } = useWorkspaceArchive()
  const busy = task.kind === 'exporting' || task.kind === 'importing'

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0]
    // Cleared so that choosing the same file again asks again.
    event.target.value = ''
    if (file) askToImport(file)
  }

  return (
    <section className="workspace-archive" aria-labelledby="workspace-archive-title">
      <h3 id="workspace-archive-title">Workspace archive</h3>
      <p className="hint">
        One .zip with the whole workspace and every draft as Markdown: to keep somewhere safe, or to move your work to another
        computer.
      </p>
      <div className="archive-actions">
        <button type="button" onClick={exportWorkspace} disabled={busy || status.storage !== 'ready'}>
          Export workspace…
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>
          Import workspace…
        </button>
        <input ref={input} type="file" accept={ARCHIVE_ACCEPT} hidden tabIndex={-1} aria-label="Workspace archive to import" onChange={onFile} />
      </div>
      {task.kind === 'exporting' ? (
        <ArchiveProgress label="Exporting workspace" fraction={task.progress}>
          {task.progress === null ? 'Making the archive…' : 'Downloading the archive…'}
        </ArchiveProgress>
      ) : null}
      {task.kind === 'importing' ? (
        <ArchiveProgress label="Importing workspace" fraction={task.progress}>
          {task.progress < 1 ? `Sending “${task.fileName}”…` : 'Checking the archive and replacing the workspace…'}
        </ArchiveProgress>
      ) : null}
      {task.kind === 'exported' ? <p role="status">Exported the workspace as “{task.fileName}”.</p> : null}
      {task.kind === 'failed' ? (
        <p role="alert" className="inline-error">
          {task.message}
        </p>
      ) : null}
      <ConfirmImportDialog fileName={task.kind === 'confirming' ? task.file.name : null} onConfirm={confirmImport} onCancel={cancelImport} />
    </section>
  )
}
