import type { WorkspaceState } from './useWorkspace'

export function WorkspaceMessage({ state }: { state: Exclude<WorkspaceState, { phase: 'ready' }> }) {
  if (state.phase === 'loading') return <p role="status">Opening your drafts…</p>
  if (state.phase === 'blocked') return <p className="empty-state">Drafts open again once Holdfast is updated.</p>
  return (
    <p role="alert" className="inline-error">
      Your drafts could not be opened: {state.message}
    </p>
  )
}
