import { useState } from 'react'
import { TEAM_NAME_MAX } from '../../../../shared/contracts/team'
import { useCore } from '../../app/coreContext'
import { useSettings } from '../settings/useSettings'
import { WORKSPACE_INDEX_ID } from '../../../../shared/contracts/docs'
import { MAX_PEER_NAME } from '../../../../shared/sync/presence'
import { InternetServers } from './InternetServers'
import { InviteDialog } from './InviteDialog'
import { JoinDialog } from './JoinDialog'
import { CatchUpStatus } from './CatchUpStatus'
import { PresenceList } from './PresenceList'
import { SyncBadge } from './SyncBadge'
import { usePresence } from './usePresence'
import { useSyncPeers } from './useSyncPeers'
import { useTeam } from './useTeam'

function peersText(peers: number): string {
  if (peers === 0) return 'No teammate is connected right now. Edits are kept here and sent when one is.'
  return peers === 1 ? 'Connected to 1 teammate.' : `Connected to ${peers} teammates.`
}

/** The Team section: share this workspace with a team, invite, join, leave. */
export function TeamView() {
  const { client, sync } = useCore()
  const { state, change } = useTeam()
  const { peers } = useSyncPeers()
  const present = usePresence(WORKSPACE_INDEX_ID)
  const settings = useSettings()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'invite' | 'join' | null>(null)
  const [confirming, setConfirming] = useState<'leave' | 'key' | null>(null)

  const run = (action: Parameters<typeof change>[0]): void => {
    setError(null)
    void change(action).then(setError)
  }

  return (
    <section className="section-view team-view" aria-labelledby="section-title">
      <h1 id="section-title">Team</h1>
      {!sync.available ? (
        <p className="notice">
          This window cannot sync with teammates: it could not reach the app's signaling. Restart Holdfast; your drafts
          are safe on this computer either way.
        </p>
      ) : null}
      {state.phase === 'loading' ? <p role="status">Loading…</p> : null}
      {state.phase === 'failed' ? <p role="alert">{state.message}</p> : null}
      {state.phase === 'ready' && state.status.team === null ? (
        <>
          <p>
            Share this workspace with your team. Drafts sync directly between your computers, end-to-end encrypted, and
            keep syncing over the office network when the internet is down.
          </p>
          <form
            className="team-create"
            onSubmit={(event) => {
              event.preventDefault()
              run(() => client.team.create({ name }))
            }}
          >
            <label className="field">
              Team name
              <input value={name} maxLength={TEAM_NAME_MAX} onChange={(e) => setName(e.target.value)} placeholder="Newsroom" />
            </label>
            <button type="submit" className="primary" disabled={name.trim() === ''}>
              Create team
            </button>
          </form>
          <p>Have an invite code?</p>
          <button type="button" onClick={() => setDialog('join')}>
            Join team
          </button>
        </>
      ) : null}
      {state.phase === 'ready' && state.status.team !== null ? (
        <>
          <p>
            This workspace is shared with <strong>{state.status.team.name}</strong>.
          </p>
          <p role="status" aria-label="Team connection">
            {peersText(peers)}
          </p>
          <SyncBadge docId={WORKSPACE_INDEX_ID} label="Workspace sync" />
          <PresenceList peers={present} label="Teammates online" withLastSeen />
          <CatchUpStatus />
          <label className="field">
            Your name (shown to teammates)
            <input
              key={settings.settings.displayName}
              defaultValue={settings.settings.displayName}
              maxLength={MAX_PEER_NAME}
              placeholder="Teammate"
              onBlur={(e) => void settings.update({ displayName: e.target.value.trim() })}
            />
          </label>
          {sync.lastRefused ? (
            <p role="alert">
              At {new Date(sync.lastRefused.at).toLocaleTimeString()} a teammate’s app sent {sync.lastRefused.reason}; Holdfast
              disconnected it and nothing it sent was applied. Your drafts are as they were.
            </p>
          ) : null}
          {state.status.lanPort !== null ? (
            <p className="hint">
              Listening for teammates on the local network (port {state.status.lanPort});{' '}
              {state.status.lanPeers === 1 ? '1 teammate app found' : `${state.status.lanPeers} teammate apps found`}.
            </p>
          ) : null}
          <InternetServers />
          <div className="row-buttons">
            <button type="button" className="primary" onClick={() => setDialog('invite')}>
              Invite
            </button>
            <button type="button" onClick={() => setConfirming('key')} disabled={confirming !== null}>
              Change team key
            </button>
            <button type="button" onClick={() => setConfirming('leave')} disabled={confirming !== null}>
              Leave team
            </button>
          </div>
          {state.status.team.keyChangedAt !== null ? (
            <p className="hint">Team key changed on this computer {new Date(state.status.team.keyChangedAt).toLocaleString()}.</p>
          ) : null}
          {confirming === 'key' ? (
            <div role="group" aria-label="Change the team key?" className="confirm-row">
              <p>
                Change the team key? Teammates keep syncing with you once they join with the new invite; a device without
                it (a lost laptop, someone who left) receives nothing new. What it already has stays with it.
              </p>
              <button type="button" onClick={() => setConfirming(null)}>
                Keep the key
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirming(null)
                  setError(null)
                  void change(() => client.team.rotateKey()).then((message) => {
                    setError(message)
                    if (message === null) setDialog('invite')
                  })
                }}
              >
                Change key
              </button>
            </div>
          ) : null}
          {confirming === 'leave' ? (
            <div role="group" aria-label="Leave the team?" className="confirm-row">
              <p>
                Leave the team? Your drafts stay on this computer; nothing more is sent or received. To come back you need
                a new invite.
              </p>
              <button type="button" onClick={() => setConfirming(null)}>
                Stay
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirming(null)
                  run(() => client.team.leave())
                }}
              >
                Leave
              </button>
            </div>
          ) : null}
          <p className="hint">
            A teammate changed the team key? Ask them for the new invite, then{' '}
            <button type="button" className="link-button" onClick={() => setDialog('join')}>
              Join team
            </button>{' '}
            with it.
          </p>
        </>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <InviteDialog open={dialog === 'invite'} onClose={() => setDialog(null)} />
      <JoinDialog open={dialog === 'join'} onJoin={(code) => change(() => client.team.join({ code }))} onClose={() => setDialog(null)} />
    </section>
  )
}
