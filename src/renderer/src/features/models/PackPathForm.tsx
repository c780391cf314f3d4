import { useState } from 'react'

interface PackPathFormProps {
  label: string
  submitLabel: string
  initialPath: string
  onSubmit: (path: string) => Promise<unknown>
  onCancel?: () => void
}

/**
 * A path on this computer for a model pack. Packs are large (hundreds of MB), so the core reads
 * and writes them in place rather than passing them through the window.
 */
export function PackPathForm({ label, submitLabel, initialPath, onSubmit, onCancel }: PackPathFormProps) {
  const [path, setPath] = useState(initialPath)
  const [busy, setBusy] = useState(false)
  const submit = (event: { preventDefault(): void }): void => {
    event.preventDefault()
    setBusy(true)
    void onSubmit(path.trim()).finally(() => setBusy(false))
  }
  return (
    <form className="pack-form" onSubmit={submit}>
      <label>
        {label}
        <input type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} required />
      </label>
      <button type="submit" className="small" disabled={busy || path.trim() === ''}>
        {busy ? 'Working…' : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  )
}
