import { useState } from 'react'
import { DESIGN_PRESETS, MAX_CANVAS_SIDE, MIN_CANVAS_SIDE, presetById } from '../../../../shared/design/presets'
import { DESIGN_TEMPLATES, templateById } from '../../../../shared/design/templates'
import type { Canvas, Layer } from '../../../../shared/design/types'
import { Dialog } from '../../ui/Dialog'
import { DesignStartForm } from './DesignStartForm'

export interface DesignStart {
  title: string
  canvas: Canvas
  layers: Layer[]
}

interface NewDesignDialogProps {
  open: boolean
  onClose: () => void
  onCreate: (start: DesignStart) => void
}

/** Choose a blank canvas (a platform size or a custom one) or a starter template. */
export function NewDesignDialog({ open, onClose, onCreate }: NewDesignDialogProps) {
  return (
    <Dialog open={open} label="New design" onClose={onClose} className="new-design-dialog">
      <NewDesignForm onClose={onClose} onCreate={onCreate} />
    </Dialog>
  )
}

function NewDesignForm({ onClose, onCreate }: Omit<NewDesignDialogProps, 'open'>) {
  const [choice, setChoice] = useState<string>(DESIGN_PRESETS[0]?.id ?? 'custom')
  const [custom, setCustom] = useState({ width: 1600, height: 900 })
  const customValid = [custom.width, custom.height].every((side) => Number.isInteger(side) && side >= MIN_CANVAS_SIDE && side <= MAX_CANVAS_SIDE)

  const create = (): void => {
    const template = choice.startsWith('template:') ? templateById(choice.slice('template:'.length)) : undefined
    if (template) {
      const built = template.build(() => crypto.randomUUID())
      onCreate({ title: template.name, canvas: built.canvas, layers: built.layers })
      return
    }
    const preset = presetById(choice)
    const size = preset ?? custom
    onCreate({
      title: '',
      canvas: { width: size.width, height: size.height, presetId: preset?.id ?? null, background: { kind: 'solid', color: '#ffffff' } },
      layers: []
    })
  }

  return (
    <DesignStartForm title="New design" onClose={onClose} onCreate={create} canCreate={choice !== 'custom' || customValid}>
      <fieldset>
        <legend>Blank canvas</legend>
        {DESIGN_PRESETS.map((preset) => (
          <label key={preset.id} className="choice">
            <input type="radio" name="start" value={preset.id} checked={choice === preset.id} onChange={() => setChoice(preset.id)} />
            {preset.name} <span className="choice-meta">{preset.width} × {preset.height}</span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="start" value="custom" checked={choice === 'custom'} onChange={() => setChoice('custom')} />
          Custom size
        </label>
        {choice === 'custom' ? (
          <div className="custom-size">
            <label>
              Width
              <input type="number" min={MIN_CANVAS_SIDE} max={MAX_CANVAS_SIDE} value={custom.width} onChange={(e) => setCustom({ ...custom, width: e.target.valueAsNumber })} />
            </label>
            <label>
              Height
              <input type="number" min={MIN_CANVAS_SIDE} max={MAX_CANVAS_SIDE} value={custom.height} onChange={(e) => setCustom({ ...custom, height: e.target.valueAsNumber })} />
            </label>
            {customValid ? null : (
              <p role="alert" className="inline-error">
                Width and height must be whole numbers from {MIN_CANVAS_SIDE} to {MAX_CANVAS_SIDE} pixels.
              </p>
            )}
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Templates</legend>
        {DESIGN_TEMPLATES.map((template) => (
          <label key={template.id} className="choice">
            <input type="radio" name="start" value={template.id} checked={choice === `template:${template.id}`} onChange={() => setChoice(`template:${template.id}`)} />
            {template.name} <span className="choice-meta">{presetById(template.presetId)?.name}</span>
          </label>
        ))}
      </fieldset>
    </DesignStartForm>
  )
}
