export function AssistantPanel({ onClose }: { onClose: () => void }) {
  return (
    <aside className="assistant" aria-labelledby="assistant-title">
      <header className="panel-header">
        <h2 id="assistant-title">Assistant</h2>
        <button type="button" className="icon-button" aria-label="Hide assistant panel" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="empty-state">
        AI writing help is not part of this build yet. No text is sent anywhere.
      </p>
    </aside>
  )
}
