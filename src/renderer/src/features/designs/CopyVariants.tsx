import type { DesignCopyRequest } from '../../../../shared/ai/designRequests'
import { MAX_COPY_CONTEXT_ITEMS } from '../../../../shared/ai/designRequests'
import { copyBudget } from '../../../../shared/design/copyBudget'
import type { Design, TextLayer } from '../../../../shared/design/types'
import { writtenBy } from './designAiStream'
import { useCopyVariants } from './useCopyVariants'

interface CopyVariantsProps {
  design: Design
  layer: TextLayer
  onSetText: (layerId: string, text: string) => void
}

/** The request for a layer: its role and words, the design's other words, and what fits its box. */
function copyRequest(design: Design, layer: TextLayer): DesignCopyRequest {
  const context = [...design.layers]
    .reverse()
    .flatMap((other) => (other.type === 'text' && other.id !== layer.id && other.text.trim() ? [other.text.trim()] : []))
    .slice(0, MAX_COPY_CONTEXT_ITEMS)
  return { role: layer.role, text: layer.text.trim(), context, maxChars: copyBudget(layer) }
}

/** "Suggest copy" for a text layer: variants that fit its box, each one click from the canvas, with who wrote them. */
export function CopyVariants({ design, layer, onSetText }: CopyVariantsProps) {
  const { state, suggest, cancel } = useCopyVariants()
  const budget = copyBudget(layer)
  // Copy without a letter or digit (a lone quotation mark) has no words to vary.
  const hasText = /[\p{L}\p{N}]/u.test(layer.text)
  return (
    <div className="design-assist-copy" aria-busy={state.phase === 'running'}>
      <div className="design-assist-buttons">
        <button type="button" disabled={!hasText || state.phase === 'running'} onClick={() => suggest(copyRequest(design, layer))}>
          Suggest copy
        </button>
        {state.phase === 'running' ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <p className="field-note">{hasText ? `About ${budget} characters fit this box.` : 'Write a first version of the text, then ask for variants.'}</p>
      {state.phase === 'running' ? (
        <>
          <p role="status">{state.asking ? `Writing with ${state.asking}…` : 'Asking…'}</p>
          <progress aria-label="Waiting for the copy variants" />
        </>
      ) : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="inline-error">
          {state.message}
        </p>
      ) : null}
      {state.phase === 'done' ? (
        <>
          <ul className="design-assist-variants" aria-label="Copy variants">
            {state.variants.map((variant) => (
              <li key={variant}>
                <span className="design-assist-variant">{variant}</span>
                <button type="button" className="small" aria-label={`Use “${variant}”`} onClick={() => onSetText(layer.id, variant)}>
                  Use
                </button>
              </li>
            ))}
          </ul>
          <p role="status" className="field-note">
            {writtenBy(state.by)}
          </p>
        </>
      ) : null}
      {state.phase === 'running' || state.phase === 'done'
        ? state.notices.map((notice) => (
            <p key={notice} className="notice">
              {notice}
            </p>
          ))
        : null}
    </div>
  )
}
