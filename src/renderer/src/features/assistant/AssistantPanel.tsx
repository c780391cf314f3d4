import { useEditorState, type Editor } from '@tiptap/react'
import { useRef, useState } from 'react'
import type { AssistantAction, AssistantRequest, SummaryForm, Tone } from '../../../../shared/ai/actions'
import { MAX_ASSISTANT_TEXT_CHARS, SummaryFormSchema, ToneSchema } from '../../../../shared/ai/actions'
import { acceptAnswer, targetOf, type AssistTarget } from './acceptAnswer'
import { Suggestion } from './Suggestion'
import { useAssist } from './useAssist'
import './assistant.css'
import { InlineError } from '../../ui/InlineError'

const SIMPLE_ACTIONS: { action: AssistantAction; label: string }[] = [
  { action: 'rewrite', label: 'Rewrite' },
  { action: 'shorten', label: 'Shorten' },
  { action: 'expand', label: 'Expand' },
  { action: 'grammar', label: 'Fix grammar' },
  { action: 'headlines', label: 'Headline ideas' },
  { action: 'continue', label: 'Continue writing' }
]

const LANGUAGES = ['English', 'French', 'German', 'Spanish', 'Italian', 'Portuguese', 'Dutch', 'Polish', 'Ukrainian', 'Arabic', 'Chinese', 'Japanese']

interface AssistantPanelProps {
  /** The open draft's editor, or null when no draft is open. */
  editor: Editor | null
  /** The open draft's (or the workspace's) "Never send to cloud" switch. */
  localOnly: boolean
  onClose: () => void
}

/** The writing assistant: actions on the selection or the whole draft, answers streamed into a preview. */
export function AssistantPanel({ editor, localOnly, onClose }: AssistantPanelProps) {
  const { state, start, cancel, dismiss } = useAssist()
  const [tone, setTone] = useState<Tone>('friendly')
  const [summaryForm, setSummaryForm] = useState<SummaryForm>('paragraph')
  const [language, setLanguage] = useState('French')
  const [problem, setProblem] = useState<string | null>(null)
  const target = useRef<AssistTarget | null>(null)
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => (e ? !e.state.selection.empty : false) }) ?? false

  const ask = (action: AssistantAction): void => {
    if (!editor) return
    const on = targetOf(editor)
    if (!on.text.trim()) return setProblem('There is no text to work on yet. Write something or select some text first.')
    if (on.text.length > MAX_ASSISTANT_TEXT_CHARS) {
      return setProblem(`That is too much text for one request (${on.text.length.toLocaleString()} characters; the limit is ${MAX_ASSISTANT_TEXT_CHARS.toLocaleString()}). Select a part of the draft.`)
    }
    setProblem(null)
    target.current = on
    const request: AssistantRequest = { action, text: on.text }
    if (action === 'tone') request.tone = tone
    if (action === 'summarize') request.summaryForm = summaryForm
    if (action === 'translate') request.language = language.trim() || 'English'
    start(request, localOnly)
  }

  const retry = (): void => {
    if (state.phase === 'idle') return
    start(state.request, localOnly)
  }

  const accept = (): void => {
    if (!editor || state.phase === 'idle' || !target.current) return
    acceptAnswer(editor, target.current, state.parts, state.request.action)
    dismiss()
  }

  const disabled = !editor || state.phase === 'running'
  return (
    <aside className="assistant" aria-labelledby="assistant-title">
      <header className="panel-header">
        <h2 id="assistant-title">Assistant</h2>
        <button type="button" className="icon-button" aria-label="Hide assistant panel" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="assistant-scope">
        {editor ? (hasSelection ? 'Works on the selected text.' : 'Works on the whole draft; select text to work on part of it.') : 'Open a draft to get writing help.'}
      </p>
      {localOnly ? <p className="assistant-private">Never send to cloud is on: only help that runs on this computer is used.</p> : null}
      <div role="group" aria-label="Writing actions" className="assistant-actions">
        {SIMPLE_ACTIONS.map(({ action, label }) => (
          <button key={action} type="button" disabled={disabled} onClick={() => ask(action)}>
            {label}
          </button>
        ))}
        <div className="assistant-option">
          <select aria-label="Tone" value={tone} onChange={(e) => setTone(ToneSchema.parse(e.target.value))} disabled={disabled}>
            {ToneSchema.options.map((t) => (
              <option key={t} value={t}>
                {t[0]?.toUpperCase()}
                {t.slice(1)}
              </option>
            ))}
          </select>
          <button type="button" disabled={disabled} onClick={() => ask('tone')}>
            Change tone
          </button>
        </div>
        <div className="assistant-option">
          <select aria-label="Summary form" value={summaryForm} onChange={(e) => setSummaryForm(SummaryFormSchema.parse(e.target.value))} disabled={disabled}>
            <option value="paragraph">A paragraph</option>
            <option value="bullets">Bullets</option>
          </select>
          <button type="button" disabled={disabled} onClick={() => ask('summarize')}>
            Summarize
          </button>
        </div>
        <div className="assistant-option">
          <input aria-label="Language" list="assistant-languages" value={language} maxLength={60} onChange={(e) => setLanguage(e.target.value)} disabled={disabled} />
          <datalist id="assistant-languages">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <button type="button" disabled={disabled} onClick={() => ask('translate')}>
            Translate
          </button>
        </div>
      </div>
      <InlineError message={problem} />
      {state.phase !== 'idle' ? <Suggestion state={state} onAccept={accept} onRetry={retry} onCancel={state.phase === 'running' ? cancel : dismiss} /> : null}
    </aside>
  )
}
