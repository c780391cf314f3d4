import { useEffect, useState } from 'react'
import type { BackupInfo } from '../../../../shared/contracts/backups'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { describeBackup } from './backupLabels'
import { useRestoreBackup } from './useRestoreBackup'

/** The workspace's backups: made daily and before updates, or on demand; any can be restored. */
export function BackupsPanel() {
  const { client, status } = useCore()
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const restoring = useRestoreBackup()

  const refresh = (): Promise<void> =>
    client.backups.list().then(setBackups, (e: unknown) => setError(describeError(e)))
  useEffect(() => {
    void client.backups.list().then(setBackups, (e: unknown) => setError(describeError(e)))
  }, [client])

  const backUpNow = (): void => {
    setBusy(true)
    setError(null)
    client.backups
      .create()
      .then(refresh)
      .catch((e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

  return (
    <section className="backups" aria-labelledby="backups-title">
      <div className="pane-header">
        <h3 id="backups-title">Backups</h3>
        <button type="button" onClick={backUpNow} disabled={busy || status.storage !== 'ready'}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="hint">Holdfast backs up your workspace every day and before updates, and keeps the last 7.</p>
      {error ?? restoring.error ? (
        <p role="alert" className="inline-error">
          {error ?? restoring.error}
        </p>
      ) : null}
      {backups === null ? <p role="status">Loading backups…</p> : null}
      {backups?.length === 0 ? <p className="empty-state">No backups yet.</p> : null}
      <ul className="backup-list" aria-label="Backups">
        {backups?.map((backup) => (
          <li key={backup.id}>
            <span>{describeBackup(backup)}</span>
            {confirming === backup.id ? (
              <span className="confirm">
                Replace your current work with this backup?
                <button type="button" className="primary" disabled={restoring.restoring} onClick={() => restoring.restore(backup.id)}>
                  {restoring.restoring ? 'Restoring…' : 'Restore'}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="small" aria-label={`Restore backup from ${describeBackup(backup)}`} onClick={() => setConfirming(backup.id)}>
                Restore…
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
