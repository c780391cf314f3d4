import { useState } from 'react'
import type { ProviderEntry } from '../../../../shared/contracts/ai'
import type { SettingsState } from '../settings/useSettings'
import { ChainEditor } from './ChainEditor'
import { ProviderForm } from './ProviderForm'
import { TrustedCertificates } from './TrustedCertificates'
import { useAiProviders } from './useAiProviders'
import './aiSettings.css'
import { InlineError } from '../../ui/InlineError'

function tokens(n: number): string {
  return n.toLocaleString()
}

/** Settings → AI providers: add, edit, test and remove providers, order them per task, privacy and caps. */
export function AiProvidersPanel({ open, settings }: { open: boolean; settings: SettingsState }) {
  const { client, list, usage, policy, error, run } = useAiProviders(open)
  const [editing, setEditing] = useState<ProviderEntry | 'new' | null>(null)
  const [tests, setTests] = useState<Record<string, string>>({})

  const test = (id: string): void => {
    setTests((t) => ({ ...t, [id]: 'Testing…' }))
    void client.ai.providers
      .test({ providerId: id })
      .then((result) => setTests((t) => ({ ...t, [id]: result.ok ? `Works (${Math.round(result.firstTokenMs ?? 0)} ms to the first token).` : result.message })))
      .catch(() => setTests((t) => ({ ...t, [id]: 'The test could not run.' })))
  }

  const editable = list?.editable ?? false
  return (
    <section className="ai-providers" aria-labelledby="ai-providers-title">
      <h3 id="ai-providers-title">AI providers</h3>
      <label className="privacy-switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.settings.aiLocalOnly}
          disabled={settings.unavailable !== null}
          onChange={(e) => void settings.update({ aiLocalOnly: e.target.checked })}
        />
        Never send to cloud (whole workspace)
      </label>
      {list?.keyStorage === 'plaintext' ? (
        <p role="alert" className="notice">
          This computer has no keychain Holdfast can use (on Linux, install and unlock GNOME Keyring or KWallet). API keys are stored obfuscated, not encrypted.
        </p>
      ) : null}
      {list && !editable ? <p className="hint">These providers come from the providers file Holdfast was started with; edit that file to change them.</p> : null}
      {list?.keyStorage === 'environment' && editable ? <p className="hint">Headless mode: each provider&apos;s key is read from the environment variable you name.</p> : null}
      <InlineError message={error} />
      {list && list.providers.length === 0 ? <p className="hint">No cloud provider yet: the assistant uses the rule-based help only.</p> : null}
      <ul className="settings-list" aria-label="Configured providers">
        {list?.providers.map((provider) => {
          const used = usage.find((u) => u.providerId === provider.id)
          const total = used ? used.inputTokens + used.outputTokens : 0
          return (
            <li key={provider.id}>
              <div>
                <strong>{provider.label}</strong> · {provider.model}
                {provider.vision ? ' · can see images' : ''}
                <div className="hint">
                  {provider.baseUrl} · {provider.hasKey ? 'key saved' : 'no key'} · {tokens(total)} tokens this month
                  {provider.monthlyTokenCap ? ` of ${tokens(provider.monthlyTokenCap)}` : ''}
                </div>
                {tests[provider.id] ? <p role="status">{tests[provider.id]}</p> : null}
              </div>
              <div className="row-buttons">
                <button type="button" className="small" onClick={() => test(provider.id)} aria-label={`Test ${provider.label}`}>
                  Test
                </button>
                {editable ? (
                  <>
                    <button type="button" className="small" onClick={() => setEditing(provider)} aria-label={`Edit ${provider.label}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Remove ${provider.label}`}
                      onClick={() => void run(() => client.ai.providers.remove({ providerId: provider.id }))}
                    >
                      Remove
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
      {editable && editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          Add provider
        </button>
      ) : null}
      {editing !== null ? (
        <ProviderForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          takenIds={new Set(list?.providers.map((p) => p.id))}
          keysFromEnvironment={list?.keyStorage === 'environment'}
          onCancel={() => setEditing(null)}
          onSave={async (config, apiKey) => {
            const saved = await run(() => client.ai.providers.save({ config, apiKey }))
            if (saved) setEditing(null)
            return saved
          }}
        />
      ) : null}
      {policy && list ? (
        <ChainEditor
          policy={policy}
          providers={list.providers}
          editable={editable}
          onChange={(chains) => void run(() => client.ai.policy.update({ chains }))}
        />
      ) : null}
      <TrustedCertificates settings={settings} />
    </section>
  )
}
