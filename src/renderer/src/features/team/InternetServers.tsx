import { useEffect, useState } from 'react'
import type { TeamNetworkStatus } from '../../../../shared/contracts/team'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

/**
 * The team's servers beyond the LAN: signaling servers (y-webrtc-compatible) and STUN/TURN, none
 * by default. Saving reconnects the core's links and this window's sync.
 */
export function InternetServers() {
  const { client, sync } = useCore()
  const [network, setNetwork] = useState<TeamNetworkStatus | null>(null)
  const [signaling, setSignaling] = useState('')
  const [ice, setIce] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  useEffect(() => {
    let cancelled = false
    let first = true
    const read = (): void =>
      void client.team
        .network()
        .then((current) => {
          if (cancelled) return
          setNetwork(current)
          if (!first) return
          first = false
          setSignaling(current.signalingServers.join('\n'))
          setIce(current.iceServers.join('\n'))
          setUsername(current.turnUsername)
        })
        .catch(() => undefined)
    read()
    // Whether each server is reachable changes while the view is open.
    const timer = setInterval(read, 3000)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [client])

  const save = async (): Promise<void> => {
    setMessage(null)
    try {
      const saved = await client.team.setNetwork({
        signalingServers: lines(signaling),
        iceServers: lines(ice),
        turnUsername: username.trim(),
        ...(password === '' ? {} : { turnPassword: password })
      })
      setNetwork(saved)
      setPassword('')
      await sync.refresh()
      setMessage({ error: false, text: 'Saved. Teammates need the same servers to meet you through them.' })
    } catch (error) {
      setMessage({ error: true, text: describeError(error) })
    }
  }

  return (
    <details className="internet-servers">
      <summary>Internet servers (optional)</summary>
      <p className="hint">
        None by default: Holdfast contacts nothing outside your local network unless you add servers here. A signaling
        server lets teammates on other networks find each other; STUN and TURN servers let the connection cross firewalls.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label className="field">
          Signaling servers (one per line, wss://…)
          <textarea rows={2} value={signaling} onChange={(e) => setSignaling(e.target.value)} spellCheck={false} />
        </label>
        {network && network.signalingLinks.length > 0 ? (
          <ul aria-label="Signaling servers" className="server-links">
            {network.signalingLinks.map((link) => (
              <li key={link.url}>
                {link.url}: {link.connected ? 'connected' : 'not reachable now'}
              </li>
            ))}
          </ul>
        ) : null}
        <label className="field">
          STUN and TURN servers (one per line, stun:… or turn:…)
          <textarea rows={2} value={ice} onChange={(e) => setIce(e.target.value)} spellCheck={false} />
        </label>
        <label className="field">
          TURN user name
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          TURN password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            placeholder={network?.turnPasswordSet ? 'Saved (type to replace)' : ''}
          />
        </label>
        <button type="submit">Save servers</button>
      </form>
      {message ? <p role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
    </details>
  )
}
