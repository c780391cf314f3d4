import type { DraftSessionState } from './useDraftSession'

interface SessionStatusProps {
  state: DraftSessionState
  /** What is being opened: "draft" or "design". */
  noun: string
}

/** The editor pane until the chosen document is open: a prompt to choose one, progress, or why it failed. */
export function SessionStatus({ state, noun }: SessionStatusProps) {
  if (state.phase === 'none') return <p className="empty-state">{`Choose a ${noun}, or start a new one.`}</p>
  if (state.phase === 'loading') return <p role="status">{`Opening ${noun}…`}</p>
  if (state.phase === 'failed') {
    return (
      <p role="alert" className="inline-error">
        {`This ${noun} could not be opened: ${state.message}`}
      </p>
    )
  }
  return null
}
