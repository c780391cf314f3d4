import { useState } from 'react'
import type { StartupNotice } from '../../../../shared/contracts/app'
import { describeBackup } from '../backups/backupLabels'
import { useRestoreBackup } from '../backups/useRestoreBackup'

/** Tells the user what happened to their data at start (a damaged database moved aside, a too-new one). */
export function StartupNotices({ notices }: { notices: readonly StartupNotice[] }) {
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set())
  const restoring = useRestoreBackup()
  const visible = notices.map((notice, index) => ({ notice, index })).filter(({ index }) => !dismissed.has(index))
  if (visible.length === 0) return null
  return (
    <div className="notices">
      {visible.map(({ notice, index }) => (
        <div key={index} role="alert" className={`notice notice-${notice.kind}`}>
          <p>{notice.message}</p>
          {notice.kind === 'database-moved-aside' && notice.movedTo.length > 0 ? (
            <p className="hint">Moved to: {notice.movedTo.join(', ')}</p>
          ) : null}
          {notice.kind === 'database-moved-aside' && notice.backups[0] ? (
            <button type="button" disabled={restoring.restoring} onClick={() => restoring.restore(notice.backups[0]?.id ?? '')}>
              {restoring.restoring ? 'Restoring…' : `Restore the backup from ${describeBackup(notice.backups[0])}`}
            </button>
          ) : null}
          {notice.kind === 'database-moved-aside' ? (
            <button type="button" onClick={() => setDismissed(new Set(dismissed).add(index))}>
              {notice.backups.length > 0 ? 'Keep the fresh start' : 'Dismiss'}
            </button>
          ) : null}
          {restoring.error ? <p>{restoring.error}</p> : null}
        </div>
      ))}
    </div>
  )
}
