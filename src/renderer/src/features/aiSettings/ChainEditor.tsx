import { useState } from 'react'
import { RULES_PROVIDER_ID } from '../../../../shared/ai/providerConfig'
import type { RouterPolicy } from '../../../../shared/ai/routerPolicy'
import { AiTaskSchema, type AiTask } from '../../../../shared/ai/tasks'

export const ACTION_LABELS: Record<AiTask, string> = {
  rewrite: 'Rewrite',
  shorten: 'Shorten',
  expand: 'Expand',
  tone: 'Change tone',
  grammar: 'Fix grammar',
  headlines: 'Headline ideas',
  summarize: 'Summarize',
  continue: 'Continue writing',
  translate: 'Translate',
  designCopy: 'Design copy',
  moodPalette: 'Palette from a mood',
  altText: 'Alt text for images'
}

interface ChainEditorProps {
  policy: RouterPolicy
  providers: { id: string; label: string }[]
  editable: boolean
  onChange: (chains: RouterPolicy['chains']) => void
}

/** The order in which providers are tried, per task (assistant action or design help). */
export function ChainEditor({ policy, providers, editable, onChange }: ChainEditorProps) {
  const [action, setAction] = useState<AiTask>('rewrite')
  const everyone = [...providers.map((p) => p.id), RULES_PROVIDER_ID]
  const custom = policy.chains[action]
  const chain = custom ?? everyone
  const labelOf = (id: string): string => (id === RULES_PROVIDER_ID ? 'Rule-based help' : (providers.find((p) => p.id === id)?.label ?? id))

  const move = (index: number, by: -1 | 1): void => {
    const next = [...chain]
    const [moved] = next.splice(index, 1)
    if (moved === undefined) return
    next.splice(index + by, 0, moved)
    onChange({ ...policy.chains, [action]: next })
  }
  const reset = (): void => {
    onChange(Object.fromEntries(Object.entries(policy.chains).filter(([key]) => key !== action)))
  }

  return (
    <div className="chain-editor">
      <label>
        Order for
        <select value={action} onChange={(e) => setAction(AiTaskSchema.parse(e.target.value))}>
          {AiTaskSchema.options.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      <ol aria-label={`Providers for ${ACTION_LABELS[action]}, in order`}>
        {chain.map((id, i) => (
          <li key={id}>
            <span>{labelOf(id)}</span>
            <button type="button" className="small" aria-label={`Move ${labelOf(id)} up`} disabled={!editable || i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="small" aria-label={`Move ${labelOf(id)} down`} disabled={!editable || i === chain.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      {custom && editable ? (
        <button type="button" className="link-button" onClick={reset}>
          Use the default order
        </button>
      ) : null}
    </div>
  )
}
