import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { Dialog } from '../../ui/Dialog'
import { QrCode } from './QrCode'

type Invite = { phase: 'loading' } | { phase: 'ready'; code: string; link: string } | { phase: 'failed'; message: string }

/** Shows the invite code (and the same as a link and a QR code) for a teammate to join with. */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} label="Invite a teammate" onClose={onClose} className="team-dialog">
      <InviteBody onClose={onClose} />
    </Dialog>
  )
}

function InviteBody({ onClose }: { onClose: () => void }) {
  const { client } = useCore()
  const [invite, setInvite] = useState<Invite>({ phase: 'loading' })
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    client.team
      .invite()
      .then(({ code, link }) => setInvite({ phase: 'ready', code, link }))
      .catch((error: unknown) => setInvite({ phase: 'failed', message: describeError(error) }))
  }, [client])

  return (
    <>
      <h2>Invite a teammate</h2>
      {invite.phase === 'loading' ? <p role="status">Making the invite…</p> : null}
      {invite.phase === 'failed' ? <p role="alert">{invite.message}</p> : null}
      {invite.phase === 'ready' ? (
        <>
          <p>
            Anyone with this code can read and change every draft of the team. Send it privately; to shut someone
            out later, change the team key in the Team view and send the new invite only to those who stay.
          </p>
          <label className="field">
            Invite code
            <textarea data-autofocus readOnly rows={3} value={invite.code} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="hint">
            As a link: <code>{invite.link}</code>
          </p>
          <QrCode text={invite.link} label="The invite as a QR code" />
          <div className="dialog-actions">
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard
                  .writeText(invite.code)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {copied ? 'Copied' : 'Copy code'}
            </button>
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : null}
    </>
  )
}
