import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'

interface JoinDialogProps {
  open: boolean
  onJoin: (code: string) => Promise<string | null>
  onClose: () => void
}

/** Asks for a teammate's invite code (or link) and joins their team. */
export function JoinDialog({ open, onJoin, onClose }: JoinDialogProps) {
  return (
    <Dialog open={open} label="Join a team" onClose={onClose} className="team-dialog">
      <JoinForm onJoin={onJoin} onClose={onClose} />
    </Dialog>
  )
}

function JoinForm({ onJoin, onClose }: Omit<JoinDialogProps, 'open'>) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [joining, setJoining] = useState(false)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        setJoining(true)
        void onJoin(code).then((message) => {
          setJoining(false)
          if (message) setError(message)
          else onClose()
        })
      }}
    >
      <h2>Join a team</h2>
      <p>Paste the invite code a teammate gave you. The drafts of this workspace will be shared with the team.</p>
      <label className="field">
        Invite code
        <textarea data-autofocus rows={3} value={code} onChange={(e) => setCode(e.target.value)} placeholder="HF1-…" />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={joining || code.trim() === ''}>
          {joining ? 'Joining…' : 'Join'}
        </button>
      </div>
    </form>
  )
}
