import { useState } from 'react'

interface VersionNameFormProps {
  /** An example name, shown while the field is empty. */
  placeholder: string
  busy: boolean
  /** Saves a version with the (trimmed) name; the form empties when saved() is called. */
  onSave: (name: string, saved: () => void) => void
}

/** "Name this version": a name field and a Save version button. */
export function VersionNameForm({ placeholder, busy, onSave }: VersionNameFormProps) {
  const [name, setName] = useState('')
  return (
    <form
      className="version-name"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(name.trim(), () => setName(''))
      }}
    >
      <input aria-label="Version name" placeholder={placeholder} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy || !name.trim()}>
        Save version
      </button>
    </form>
  )
}
