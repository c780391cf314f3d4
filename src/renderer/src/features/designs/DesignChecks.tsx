import { useDeferredValue, useMemo } from 'react'
import { runChecks } from '../../../../shared/design/checks'
import { checkContrast, fixContrast } from '../../../../shared/design/contrast'
import type { Design } from '../../../../shared/design/types'
import { measureTextHeight } from './measureText'

interface DesignChecksProps {
  design: Design
  onFixColour: (layerId: string, fill: string) => void
  onPick: (layerId: string) => void
}

/**
 * Checks that need no model: contrast (WCAG AA), text overflowing its box, text outside the
 * platform's safe zone, images with too few pixels. Run on a deferred copy so dragging stays smooth.
 */
export function DesignChecks({ design: current, onFixColour, onPick }: DesignChecksProps) {
  const design = useDeferredValue(current)
  // Urgent renders (every drag move) reuse the last result; only the deferred one checks again.
  const issues = useMemo(() => runChecks(design, { measureTextHeight, scale: 1 }), [design])
  return (
    <section className="design-checks" aria-labelledby="design-checks-heading">
      <h2 id="design-checks-heading">Checks</h2>
      {issues.length === 0 ? <p className="field-note">No problems found: contrast, text fit, safe zone and image sharpness are fine.</p> : null}
      <ul aria-label="Design problems">
        {issues.map((issue) => {
          const layer = design.layers.find((l) => l.id === issue.layerId)
          const fix =
            issue.kind === 'contrast' && layer?.type === 'text'
              ? (() => {
                  const check = checkContrast(design, layer)
                  return check.overImage ? null : fixContrast(layer.fill, check.backdrop, 'AA', check.largeText)
                })()
              : null
          return (
            <li key={`${issue.kind}-${issue.layerId}`} className={`design-issue design-issue-${issue.severity}`}>
              <button type="button" className="link-button" onClick={() => onPick(issue.layerId)}>
                {issue.message}
              </button>
              {fix ? (
                <button type="button" className="small" onClick={() => onFixColour(issue.layerId, fix)}>
                  Fix contrast
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
