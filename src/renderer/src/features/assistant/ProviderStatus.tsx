import type { ProviderHealth } from '../../../../shared/contracts/ai'
import { useAiHealth } from './useAiHealth'

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

export function describeHealth(health: ProviderHealth): string {
  switch (health.state) {
    case 'healthy':
      return `${health.label}: healthy`
    case 'degraded':
      return `${health.label}: degraded`
    case 'down':
      return `${health.label}: down${health.downSince ? ` since ${clock(health.downSince)}` : ''}`
    case 'local':
      return `${health.label}: local`
  }
}

/** The status bar's AI part: one entry per provider, in chain order. */
export function ProviderStatus() {
  const health = useAiHealth()
  if (!health) return <span>AI: connecting…</span>
  return (
    <span className="provider-status" aria-label="AI providers">
      AI:{' '}
      {health.map((h, i) => (
        <span key={h.providerId} className={`provider-${h.state}`} title={h.lastFailure ? `Last failure: ${h.lastFailure}` : h.model}>
          {i > 0 ? ' · ' : ''}
          {describeHealth(h)}
        </span>
      ))}
    </span>
  )
}
