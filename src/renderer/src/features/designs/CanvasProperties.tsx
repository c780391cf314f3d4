import { DESIGN_PRESETS, MAX_CANVAS_SIDE, MIN_CANVAS_SIDE, presetById } from '../../../../shared/design/presets'
import type { Background, Canvas } from '../../../../shared/design/types'

interface CanvasPropertiesProps {
  canvas: Canvas
  onChange: (changes: Partial<Canvas>) => void
}

/** The canvas's size (preset or custom) and background, shown when no layer is selected. */
export function CanvasProperties({ canvas, onChange }: CanvasPropertiesProps) {
  const background = canvas.background
  const setBackground = (next: Background): void => onChange({ background: next })
  const preset = presetById(canvas.presetId)
  return (
    <div className="layer-properties" role="group" aria-label="Canvas properties">
      <label className="field field-wide">
        <span>Size</span>
        <select
          value={preset?.id ?? 'custom'}
          onChange={(event) => {
            const chosen = presetById(event.target.value)
            onChange(chosen ? { presetId: chosen.id, width: chosen.width, height: chosen.height } : { presetId: null })
          }}
        >
          {DESIGN_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.width} × {p.height})
            </option>
          ))}
          <option value="custom">Custom size</option>
        </select>
      </label>
      {preset ? null : (
        <>
          {(['width', 'height'] as const).map((side) => (
            <label className="field" key={side}>
              <span>{side === 'width' ? 'Canvas width' : 'Canvas height'}</span>
              <input
                type="number"
                min={MIN_CANVAS_SIDE}
                max={MAX_CANVAS_SIDE}
                value={canvas[side]}
                onChange={(event) => {
                  const value = Math.round(event.target.valueAsNumber)
                  if (value >= MIN_CANVAS_SIDE && value <= MAX_CANVAS_SIDE) onChange({ [side]: value })
                }}
              />
            </label>
          ))}
        </>
      )}
      <label className="field field-wide">
        <span>Background</span>
        <select
          value={background.kind}
          onChange={(event) =>
            setBackground(
              event.target.value === 'solid'
                ? { kind: 'solid', color: background.kind === 'solid' ? background.color : background.from }
                : { kind: 'linear', from: background.kind === 'solid' ? background.color : background.from, to: '#1d2b64', angle: 90 }
            )
          }
        >
          <option value="solid">Colour</option>
          <option value="linear">Gradient</option>
        </select>
      </label>
      {background.kind === 'solid' ? (
        <label className="field field-color">
          <span>Background colour</span>
          <input type="color" value={background.color} onChange={(event) => setBackground({ ...background, color: event.target.value })} />
        </label>
      ) : (
        <>
          <label className="field field-color">
            <span>Gradient start</span>
            <input type="color" value={background.from} onChange={(event) => setBackground({ ...background, from: event.target.value })} />
          </label>
          <label className="field field-color">
            <span>Gradient end</span>
            <input type="color" value={background.to} onChange={(event) => setBackground({ ...background, to: event.target.value })} />
          </label>
          <label className="field">
            <span>Gradient angle</span>
            <input
              type="number"
              min={-360}
              max={360}
              value={background.angle}
              onChange={(event) => Number.isFinite(event.target.valueAsNumber) && setBackground({ ...background, angle: event.target.valueAsNumber })}
            />
          </label>
        </>
      )}
    </div>
  )
}
