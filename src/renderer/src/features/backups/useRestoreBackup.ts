import { useState } from 'react'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

/** Restores a backup, then reloads the window so every document is read from it afresh. */
export function useRestoreBackup(): { restore: (id: string) => void; restoring: boolean; error: string | null } {
  const { client } = useCore()
  const [restoring, setRestoring] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const restore = (id: string): void => {
    setRestoring(true)
    setError(null)
    client.backups
      .restore({ id })
      .then(() => location.reload())
      .catch((e: unknown) => {
        setRestoring(false)
        setError(describeError(e))
      })
  }
  return { restore, restoring, error }
}
