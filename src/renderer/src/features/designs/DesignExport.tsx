import { memo, useState } from 'react'
import { designToSvg } from '../../../../shared/design/svgExport'
import type { Design } from '../../../../shared/design/types'
import { describeError } from '../../lib/rpcError'
import { saveDownload } from '../../lib/saveDownload'
import { exportRaster, type RasterFormat } from './exportDesign'
import { embeddedImageHrefs } from './embeddedImages'

/** A file name from the design's title: letters, digits and dashes only. */
function fileBase(title: string): string {
  return title.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'design'
}

interface DesignExportProps {
  /** The design as it is now (read when a button is pressed, so a drag does not re-render this). */
  getDesign: () => Design
  title: string
  images: ReadonlyMap<string, HTMLImageElement>
}

/** Export as PNG or JPEG at the canvas's exact size (or twice it), or as SVG. */
export const DesignExport = memo(function DesignExport({ getDesign, title, images }: DesignExportProps) {
  const [state, setState] = useState<{ phase: 'idle' } | { phase: 'busy'; what: string } | { phase: 'failed'; message: string }>({ phase: 'idle' })
  const base = fileBase(title)

  const run = (what: string, work: () => Promise<void>): void => {
    setState({ phase: 'busy', what })
    work().then(
      () => setState({ phase: 'idle' }),
      (error: unknown) => setState({ phase: 'failed', message: `${what} failed: ${describeError(error)}` })
    )
  }
  const raster = (format: RasterFormat, scale: 1 | 2): void =>
    run(`Export ${format.toUpperCase()}${scale === 2 ? ' 2×' : ''}`, async () => {
      const design = getDesign()
      const { width, height } = design.canvas
      const blob = await exportRaster(design, images, format, scale)
      saveDownload(blob, `${base}-${width * scale}x${height * scale}.${format === 'png' ? 'png' : 'jpg'}`)
    })
  const svg = (): void =>
    run('Export SVG', async () => {
      const design = getDesign()
      const hrefs = await embeddedImageHrefs(design, images)
      const text = designToSvg(design, { imageHref: (hash) => hrefs.get(hash) ?? null })
      saveDownload(new Blob([text], { type: 'image/svg+xml' }), `${base}-${design.canvas.width}x${design.canvas.height}.svg`)
    })

  const busy = state.phase === 'busy'
  return (
    <div className="design-export" role="group" aria-label="Export">
      <button type="button" disabled={busy} onClick={() => raster('png', 1)}>
        Export PNG
      </button>
      <button type="button" disabled={busy} onClick={() => raster('png', 2)}>
        Export PNG 2×
      </button>
      <button type="button" disabled={busy} onClick={() => raster('jpeg', 1)}>
        Export JPEG
      </button>
      <button type="button" disabled={busy} onClick={svg}>
        Export SVG
      </button>
      {busy ? <span role="status">{state.what}…</span> : null}
      {state.phase === 'failed' ? (
        <span role="alert" className="inline-error">
          {state.message}
        </span>
      ) : null}
    </div>
  )
})
