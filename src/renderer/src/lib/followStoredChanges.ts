import type { CoreClient } from '../../../shared/contracts'

/** Pauses before subscribing again after the stream broke (the core restarting, say). */
const RESUBSCRIBE_DELAYS_MS = [250, 1000, 5000]

export interface StoredChangesFollower {
  docId: string
  /** This session's own writer id: its own appends are not sent back. */
  writer: string
  /** Applies a batch another writer stored (a headless-mode client, another window). */
  apply: (updates: Uint8Array[]) => void
  /** Applies everything stored, after a break in the stream, for whatever came during it. */
  catchUp: () => Promise<void>
  signal: AbortSignal
}

/** Applies what other writers store into a document while `signal` is not aborted; never throws. */
export async function followStoredChanges(client: CoreClient, follower: StoredChangesFollower): Promise<void> {
  const { docId, writer, apply, catchUp, signal } = follower
  let broken = false
  let failures = 0
  while (!signal.aborted) {
    try {
      const changes = await client.docs.changes({ docId, writer }, { signal })
      if (broken) await catchUp()
      failures = 0
      for await (const { updates } of changes) apply(updates)
    } catch {
      // The stream broke or was refused; try again below unless the session is closed.
    }
    broken = true
    await pause(RESUBSCRIBE_DELAYS_MS[Math.min(failures++, RESUBSCRIBE_DELAYS_MS.length - 1)] ?? 0, signal)
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}
