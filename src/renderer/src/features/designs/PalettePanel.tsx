import { memo, useState } from 'react'
import { paletteFromPixels } from '../../../../shared/design/palette'
import type { Color } from '../../../../shared/design/types'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { writtenBy } from './designAiStream'
import { suggestMoodPalette } from './suggestMoodPalette'
import { InlineError } from '../../ui/InlineError'

interface PalettePanelProps {
  /** The selected image layer's name and picture, when one is selected. */
  image: { name: string; element: HTMLImageElement } | null
  onApply: (colors: Color[]) => void
}

/** The pixels of an image, scaled down (a palette needs no more), for colour quantisation. */
function pixelsOf(element: HTMLImageElement): Uint8ClampedArray {
  const side = 128
  const ratio = Math.min(1, side / Math.max(element.naturalWidth, element.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(element.naturalWidth * ratio))
  canvas.height = Math.max(1, Math.round(element.naturalHeight * ratio))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This window cannot read images.')
  context.drawImage(element, 0, 0, canvas.width, canvas.height)
  return context.getImageData(0, 0, canvas.width, canvas.height).data
}

/** Palettes from a mood description or from the selected image, applied to background, text and shapes. */
export const PalettePanel = memo(function PalettePanel({ image, onApply }: PalettePanelProps) {
  const { client } = useCore()
  const [asking, setAsking] = useState(false)
  const [mood, setMood] = useState('')
  const [palette, setPalette] = useState<{ colors: Color[]; source: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fromImage = (): void => {
    if (!image) return
    try {
      setPalette({ colors: paletteFromPixels(pixelsOf(image.element)), source: `from “${image.name}”` })
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <section className="palette-panel" aria-labelledby="palette-heading">
      <h2 id="palette-heading">Palette</h2>
      <form
        className="palette-mood"
        onSubmit={(event) => {
          event.preventDefault()
          const asked = mood.trim()
          if (!asked) return
          // Through the AI router: a model when one answers with a valid palette, else the colour
          // rules. The workspace's "local models only" setting is applied by the core.
          setAsking(true)
          setError(null)
          suggestMoodPalette(client, asked)
            .then(
              ({ colors, provenance }) => setPalette({ colors, source: `for “${asked}” · ${writtenBy(provenance)}` }),
              (e: unknown) => setError(describeError(e))
            )
            .finally(() => setAsking(false))
        }}
      >
        <input aria-label="Mood" placeholder="calm, bold, autumn…" value={mood} maxLength={200} onChange={(e) => setMood(e.target.value)} />
        <button type="submit" disabled={!mood.trim() || asking}>
          Suggest palette
        </button>
        {asking ? <span role="status">Choosing colours…</span> : null}
      </form>
      {image ? (
        <button type="button" onClick={fromImage}>
          Palette from image
        </button>
      ) : null}
      <InlineError message={error} />
      {palette ? (
        <div className="palette-result">
          <ul className="swatches" aria-label={`Palette ${palette.source}`}>
            {palette.colors.map((color) => (
              <li key={color} className="swatch" style={{ background: color }} title={color}>
                <span className="visually-hidden">{color}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onApply(palette.colors)}>
            Apply palette
          </button>
        </div>
      ) : null}
    </section>
  )
})
