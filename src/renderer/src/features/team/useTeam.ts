import { useCallback, useEffect, useState } from 'react'
import type { TeamStatus } from '../../../../shared/contracts/team'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

export type TeamState = { phase: 'loading' } | { phase: 'ready'; status: TeamStatus } | { phase: 'failed'; message: string }

/** The workspace's team, and the changes to it; each change reconnects the window's sync. */
export function useTeam(): {
  state: TeamState
  change: (action: () => Promise<TeamStatus>) => Promise<string | null>
} {
  const { client, sync } = useCore()
  const [state, setState] = useState<TeamState>({ phase: 'loading' })

  useEffect(() => {
    let cancelled = false
    const read = (): void =>
      void client.team
        .status()
        .then((status) => !cancelled && setState({ phase: 'ready', status }))
        .catch((error: unknown) => !cancelled && setState({ phase: 'failed', message: describeError(error) }))
    read()
    // LAN peers come and go: look again every few seconds while the view is open.
    const timer = setInterval(read, 3000)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [client])

  /** Runs a create, join, key change or leave; resolves to an error message, or null when it worked. */
  const change = useCallback(
    async (action: () => Promise<TeamStatus>): Promise<string | null> => {
      // What this view shows is what the core said last (every change here updates it at once).
      const hadTeam = state.phase === 'ready' && state.status.team !== null
      try {
        const status = await action()
        setState({ phase: 'ready', status })
        // Sharing or joining a team: the drafts here are this device's own, as they are. A new key
        // for the same team changes nothing about which versions this device holds.
        if (status.team && !hadTeam) await sync.catchUp?.holdAll()
        await sync.refresh()
        return null
      } catch (error) {
        return describeError(error)
      }
    },
    [state, sync]
  )

  return { state, change }
}
