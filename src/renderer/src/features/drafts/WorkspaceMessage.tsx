import type { WorkspaceState } from './useWorkspace'

export function WorkspaceMessage({ state }: { state: Exclude<WorkspaceState, { phase: 'ready' }> }) {
  if (state.phase === 'loading') return <p role="status">Opening your drafts…</p>
  return (
    <p role="alert" className="inline-error">
      Your drafts could not be opened: {state.message}
    </p>
  )
}
