import { useState } from 'react'
import { ProviderConfigSchema, type ProviderConfig } from '../../../../shared/ai/providerConfig'
import { idFromLabel, PROVIDER_PRESETS } from './presets'
import { InlineError } from '../../ui/InlineError'

interface ProviderFormProps {
  /** The provider being edited, or null to add one. */
  editing: (ProviderConfig & { hasKey: boolean }) | null
  takenIds: ReadonlySet<string>
  /** Headless mode without a keychain: a key is named by its environment variable. */
  keysFromEnvironment: boolean
  onSave: (config: ProviderConfig, apiKey: string | undefined) => Promise<boolean>
  onCancel: () => void
}

/** Add or edit a cloud provider: any OpenAI-compatible address, or Anthropic. */
export function ProviderForm({ editing, takenIds, keysFromEnvironment, onSave, onCancel }: ProviderFormProps) {
  const [label, setLabel] = useState(editing?.label ?? '')
  const [kind, setKind] = useState(editing?.kind ?? 'openai-compatible')
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '')
  const [model, setModel] = useState(editing?.model ?? '')
  const [apiKey, setApiKey] = useState('')
  const [apiKeyEnv, setApiKeyEnv] = useState(editing?.apiKeyEnv ?? '')
  const [cap, setCap] = useState(editing?.monthlyTokenCap ? String(editing.monthlyTokenCap) : '')
  const [vision, setVision] = useState(editing?.vision === true)
  const [problem, setProblem] = useState<string | null>(null)

  const applyPreset = (name: string): void => {
    const preset = PROVIDER_PRESETS.find((p) => p.name === name)
    if (!preset) return
    setLabel((current) => current || preset.name.replace(/ \(.*\)$/, ''))
    setKind(preset.kind)
    setBaseUrl(preset.baseUrl)
    setModel((current) => current || preset.model)
  }

  const submit = (event: { preventDefault(): void }): void => {
    event.preventDefault()
    const parsed = ProviderConfigSchema.safeParse({
      id: editing?.id ?? idFromLabel(label, takenIds),
      label,
      kind,
      baseUrl: baseUrl.trim(),
      model,
      apiKeyEnv: keysFromEnvironment && apiKeyEnv.trim() ? apiKeyEnv.trim() : undefined,
      monthlyTokenCap: cap.trim() ? Number(cap) : undefined,
      vision: vision || undefined
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return setProblem(issue ? `${String(issue.path[0] ?? 'Provider')}: ${issue.message}` : 'Check the fields.')
    }
    setProblem(null)
    void onSave(parsed.data, keysFromEnvironment || !apiKey ? undefined : apiKey).then((saved) => {
      if (saved) setApiKey('')
    })
  }

  return (
    <form className="provider-form" aria-label={editing ? `Edit ${editing.label}` : 'Add a provider'} onSubmit={submit}>
      {editing ? null : (
        <label>
          Start from
          <select defaultValue="" onChange={(e) => applyPreset(e.target.value)}>
            <option value="" disabled>
              Choose a service…
            </option>
            {PROVIDER_PRESETS.map((p) => (
              <option key={p.name}>{p.name}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        Name
        <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={60} />
      </label>
      <label>
        API type
        <select value={kind} onChange={(e) => setKind(e.target.value === 'anthropic' ? 'anthropic' : 'openai-compatible')}>
          <option value="openai-compatible">OpenAI-compatible</option>
          <option value="anthropic">Anthropic</option>
        </select>
      </label>
      <label>
        Base URL
        <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required placeholder="https://api.openai.com/v1" />
      </label>
      <label>
        Model
        <input value={model} onChange={(e) => setModel(e.target.value)} required maxLength={200} />
      </label>
      {keysFromEnvironment ? (
        <label>
          Key variable
          <input value={apiKeyEnv} onChange={(e) => setApiKeyEnv(e.target.value)} placeholder="OPENAI_API_KEY" />
        </label>
      ) : (
        <label>
          API key
          <input
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            placeholder={editing?.hasKey ? 'Saved — type to replace' : 'Leave empty for local servers'}
            maxLength={500}
          />
        </label>
      )}
      <label>
        Monthly token cap
        <input type="number" min={1} step={1} value={cap} onChange={(e) => setCap(e.target.value)} placeholder="No cap" />
      </label>
      <label className="checkbox-field">
        <input type="checkbox" checked={vision} onChange={(e) => setVision(e.target.checked)} aria-describedby="provider-vision-hint" />
        Can see images
      </label>
      <p id="provider-vision-hint" className="hint">
        Tick this for a vision model (GPT-4o, Claude, LLaVA…): it then writes alt text for images, which are sent to it.
      </p>
      <InlineError message={problem} />
      <div className="form-buttons">
        <button type="submit" className="primary">
          {editing ? 'Save provider' : 'Add provider'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
