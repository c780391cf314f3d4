import type { ReactNode } from 'react'
import { FONT_FAMILIES, type Layer, type TextRole } from '../../../../shared/design/types'

interface LayerPropertiesProps {
  layer: Layer
  onChange: (changes: Record<string, unknown>) => void
}

const ROLES: Record<TextRole, string> = { headline: 'Headline', subline: 'Subline', cta: 'Call to action', body: 'Body text' }

function NumberField({ label, value, min, max, step = 1, onChange }: { label: string; value: number; min?: number; max?: number; step?: number; onChange: (value: number) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        value={Math.round(value * 100) / 100}
        min={min}
        max={max}
        step={step}
        onChange={(event) => {
          const next = event.target.valueAsNumber
          if (Number.isFinite(next)) onChange(next)
        }}
      />
    </label>
  )
}

function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field field-color">
      <span>{label}</span>
      <input type="color" value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  )
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="inspector-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  )
}

/** The selected layer's properties, each written to the design as it changes. */
export function LayerProperties({ layer, onChange }: LayerPropertiesProps) {
  return (
    <div className="layer-properties" aria-label="Layer properties" role="group">
      <label className="field">
        <span>Layer name</span>
        <input value={layer.name} maxLength={200} onChange={(event) => onChange({ name: event.target.value })} />
      </label>
      {layer.type === 'text' ? (
        <Group title="Text">
          <label className="field field-wide">
            <span>Text</span>
            <textarea value={layer.text} rows={3} maxLength={5000} onChange={(event) => onChange({ text: event.target.value })} />
          </label>
          <label className="field">
            <span>Role</span>
            <select value={layer.role} onChange={(event) => onChange({ role: event.target.value })}>
              {Object.entries(ROLES).map(([role, label]) => (
                <option key={role} value={role}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Font</span>
            <select value={layer.fontFamily} onChange={(event) => onChange({ fontFamily: event.target.value })}>
              {FONT_FAMILIES.map((family) => (
                <option key={family}>{family}</option>
              ))}
            </select>
          </label>
          <NumberField label="Font size" value={layer.fontSize} min={4} max={1000} onChange={(fontSize) => onChange({ fontSize })} />
          <label className="field">
            <span>Weight</span>
            <select value={layer.fontWeight} onChange={(event) => onChange({ fontWeight: Number(event.target.value) })}>
              <option value={400}>Regular</option>
              <option value={700}>Bold</option>
            </select>
          </label>
          <ColorField label="Text colour" value={layer.fill} onChange={(fill) => onChange({ fill })} />
          <label className="field">
            <span>Alignment</span>
            <select value={layer.align} onChange={(event) => onChange({ align: event.target.value })}>
              <option value="left">Left</option>
              <option value="center">Centre</option>
              <option value="right">Right</option>
            </select>
          </label>
          <NumberField label="Line height" value={layer.lineHeight} min={0.5} max={4} step={0.05} onChange={(lineHeight) => onChange({ lineHeight })} />
        </Group>
      ) : null}
      {layer.type === 'shape' ? (
        <Group title="Shape">
          {layer.shape !== 'line' ? <ColorField label="Fill" value={layer.fill} onChange={(fill) => onChange({ fill })} /> : null}
          <ColorField label={layer.shape === 'line' ? 'Line colour' : 'Outline'} value={layer.stroke} onChange={(stroke) => onChange({ stroke })} />
          <NumberField label={layer.shape === 'line' ? 'Thickness' : 'Outline width'} value={layer.strokeWidth} min={0} max={500} onChange={(strokeWidth) => onChange({ strokeWidth })} />
          {layer.shape === 'rect' ? <NumberField label="Corner radius" value={layer.cornerRadius} min={0} onChange={(cornerRadius) => onChange({ cornerRadius })} /> : null}
        </Group>
      ) : null}
      {layer.type === 'image' ? (
        <Group title="Image">
          <label className="field field-wide">
            <span>Alt text</span>
            <textarea value={layer.alt} rows={2} maxLength={1000} onChange={(event) => onChange({ alt: event.target.value })} />
          </label>
          <p className="field-note">
            Source {layer.naturalWidth} × {layer.naturalHeight} px
          </p>
        </Group>
      ) : null}
      <Group title="Position">
        <NumberField label="X" value={layer.x} onChange={(x) => onChange({ x })} />
        <NumberField label="Y" value={layer.y} onChange={(y) => onChange({ y })} />
        <NumberField label="Width" value={layer.width} min={0} onChange={(width) => onChange({ width })} />
        <NumberField label="Height" value={layer.height} min={0} onChange={(height) => onChange({ height })} />
        <NumberField label="Rotation" value={layer.rotation} min={-360} max={360} onChange={(rotation) => onChange({ rotation })} />
        <NumberField label="Opacity" value={Math.round(layer.opacity * 100)} min={0} max={100} onChange={(opacity) => onChange({ opacity: opacity / 100 })} />
      </Group>
    </div>
  )
}
