import { Fragment, type KeyboardEvent } from 'react'
import type { AssistState } from './useAssist'

interface SuggestionProps {
  state: Exclude<AssistState, { phase: 'idle' }>
  onAccept: () => void
  onRetry: () => void
  onCancel: () => void
}

function statusLine(state: SuggestionProps['state']): string {
  switch (state.phase) {
    case 'running':
      return state.provider ? `Writing with ${state.provider}…` : 'Asking…'
    case 'done':
      return `Answered by ${state.provider ?? 'the assistant'}`
    case 'stopped':
      return 'Stopped. The text so far is kept below.'
    case 'failed':
      return state.message ?? 'No answer.'
  }
}

/** The streamed answer, with the seams where another provider took over, and what to do with it. */
export function Suggestion({ state, onAccept, onRetry, onCancel }: SuggestionProps) {
  const text = state.parts.map((part) => part.text).join('')
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    }
  }
  return (
    <section role="region" aria-label="Suggestion" className="suggestion" aria-busy={state.phase === 'running'} onKeyDown={onKeyDown}>
      <p role={state.phase === 'failed' ? 'alert' : 'status'} className={state.phase === 'failed' ? 'inline-error' : 'suggestion-status'}>
        {statusLine(state)}
      </p>
      {state.phase === 'running' && !text ? <progress aria-label="Waiting for the answer" /> : null}
      {text ? (
        <div className="suggestion-text">
          {state.parts.map((part, i) => (
            <Fragment key={i}>
              {part.seam ? (
                <span className="suggestion-seam" role="note">
                  {part.seam}
                </span>
              ) : null}
              <span title={`Written by ${part.by}`}>{part.text}</span>
            </Fragment>
          ))}
        </div>
      ) : null}
      {state.notices.map((notice) => (
        <p key={notice} className="notice">
          {notice}
        </p>
      ))}
      <div className="suggestion-buttons">
        <button type="button" className="primary" disabled={state.phase === 'running' || !text} onClick={onAccept}>
          Accept
        </button>
        <button type="button" disabled={state.phase === 'running'} onClick={onRetry}>
          Retry
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}
