import { useState } from 'react'
import { SettingsSchema } from '../../../../shared/contracts/settings'
import type { SettingsState } from '../settings/useSettings'
import { InlineError } from '../../ui/InlineError'

/** Extra certificates the AI connections trust: for newsroom proxies that inspect TLS. */
export function TrustedCertificates({ settings }: { settings: SettingsState }) {
  const saved = settings.settings.aiTrustedCertificates
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const text = draft ?? saved

  const save = (): void => {
    const parsed = SettingsSchema.shape.aiTrustedCertificates.safeParse(text)
    if (!parsed.success) return setProblem('Paste certificates in PEM form only: each from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.')
    setProblem(null)
    void settings.update({ aiTrustedCertificates: parsed.data }).then(() => setDraft(null))
  }

  return (
    <details className="trusted-certificates">
      <summary>Network: extra trusted certificates</summary>
      <p className="hint">
        If your organisation&apos;s proxy inspects secure connections, paste its root certificate here (PEM) so AI providers are reached through it
        instead of looking unreachable. The system proxy is used automatically.
      </p>
      <textarea aria-label="Extra trusted certificates (PEM)" rows={5} spellCheck={false} value={text} onChange={(e) => setDraft(e.target.value)} />
      <InlineError message={problem} />
      <button type="button" className="small" disabled={draft === null || draft === saved} onClick={save}>
        Save certificates
      </button>
    </details>
  )
}
