import { useState } from 'react'
import { fragmentText } from '../../../../shared/docs/plainText'
import { draftCopy, fillTemplate } from '../../../../shared/design/fromDraft'
import { presetById } from '../../../../shared/design/presets'
import { DESIGN_TEMPLATES, templateById } from '../../../../shared/design/templates'
import { DRAFT_BODY_FIELD } from '../../../../shared/editor/fields'
import { draftTitle } from '../../../../shared/workspace/workspaceIndex'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { Dialog } from '../../ui/Dialog'
import { createDesign } from './designActions'
import { DesignStartForm } from './DesignStartForm'
import { InlineError } from '../../ui/InlineError'

interface DesignFromDraftProps {
  index: DocSession
  draft: DocSession
  onCreated: (designId: string) => void
}

/** "Design from this draft": a template filled with the draft's title, a key line and a call to action. */
export function DesignFromDraft({ index, draft, onCreated }: DesignFromDraftProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Design from this draft
      </button>
      <Dialog open={open} label="Design from this draft" onClose={() => setOpen(false)} className="new-design-dialog">
        <TemplateChoice index={index} draft={draft} onClose={() => setOpen(false)} onCreated={onCreated} />
      </Dialog>
    </>
  )
}

function TemplateChoice({ index, draft, onClose, onCreated }: DesignFromDraftProps & { onClose: () => void }) {
  const { client } = useCore()
  const [choice, setChoice] = useState(DESIGN_TEMPLATES[0]?.id ?? '')
  const [error, setError] = useState<string | null>(null)
  const title = draftTitle(index.doc, draft.docId)?.toJSON().trim() ?? ''
  const copy = draftCopy(title, fragmentText(draft.doc.getXmlFragment(DRAFT_BODY_FIELD)))

  const create = (): void => {
    const template = templateById(choice)
    if (!template) return
    const { canvas, layers } = fillTemplate(template, copy, () => crypto.randomUUID())
    createDesign(client, index, title || template.name, canvas, layers).then(
      (id) => {
        onClose()
        onCreated(id)
      },
      (e: unknown) => setError(describeError(e))
    )
  }

  return (
    <DesignStartForm title="Design from this draft" onClose={onClose} onCreate={create}>
      <dl className="draft-copy">
        <dt>Headline</dt>
        <dd>{copy.headline || '(the template’s own)'}</dd>
        <dt>Key line</dt>
        <dd>{copy.keyLine || '(the template’s own)'}</dd>
        <dt>Call to action</dt>
        <dd>{copy.callToAction}</dd>
      </dl>
      <fieldset>
        <legend>Template</legend>
        {DESIGN_TEMPLATES.map((template) => (
          <label key={template.id} className="choice">
            <input type="radio" name="template" checked={choice === template.id} onChange={() => setChoice(template.id)} />
            {template.name} <span className="choice-meta">{presetById(template.presetId)?.name}</span>
          </label>
        ))}
      </fieldset>
      <InlineError message={error} />
    </DesignStartForm>
  )
}
