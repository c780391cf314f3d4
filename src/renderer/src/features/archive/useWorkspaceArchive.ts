import { useState } from 'react'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { downloadWorkspaceArchive } from './downloadWorkspaceArchive'
import { uploadWorkspaceArchive } from './uploadWorkspaceArchive'

export type ArchiveTask =
  | { kind: 'idle' }
  /** progress is null while the core makes the archive. */
  | { kind: 'exporting'; progress: number | null }
  | { kind: 'exported'; fileName: string }
  | { kind: 'confirming'; file: File }
  | { kind: 'importing'; fileName: string; progress: number }
  | { kind: 'failed'; message: string }

export interface WorkspaceArchive {
  task: ArchiveTask
  exportWorkspace: () => void
  /** A file was picked: ask before anything is replaced. */
  askToImport: (file: File) => void
  confirmImport: () => void
  cancelImport: () => void
}

/** Export and import of the whole workspace, one at a time; after an import the window reloads, as after restoring a backup. */
export function useWorkspaceArchive(): WorkspaceArchive {
  const { client } = useCore()
  const [task, setTask] = useState<ArchiveTask>({ kind: 'idle' })
  const fail = (error: unknown): void => setTask({ kind: 'failed', message: describeError(error) })

  const exportWorkspace = (): void => {
    downloadWorkspaceArchive(client, (progress) => setTask({ kind: 'exporting', progress }))
      .then((fileName) => setTask({ kind: 'exported', fileName }))
      .catch(fail)
  }

  const confirmImport = (): void => {
    if (task.kind !== 'confirming') return
    const { file } = task
    setTask({ kind: 'importing', fileName: file.name, progress: 0 })
    uploadWorkspaceArchive(client, file, (progress) => setTask({ kind: 'importing', fileName: file.name, progress }))
      .then(() => location.reload())
      .catch(fail)
  }

  return {
    task,
    exportWorkspace,
    askToImport: (file) => setTask({ kind: 'confirming', file }),
    confirmImport,
    // The dialog also reports closing after a confirmation: only a pending question is cancelled.
    cancelImport: () => setTask((current) => (current.kind === 'confirming' ? { kind: 'idle' } : current))
  }
}
