import type { Alignment } from '../../../../shared/design/arrange'
import type { Layer } from '../../../../shared/design/types'
import { shortcutLabel } from '../../lib/shortcuts'
import type { DesignCommands } from './useDesignCommands'

const ALIGNMENTS: { alignment: Alignment; label: string }[] = [
  { alignment: 'left', label: 'Align left' },
  { alignment: 'center', label: 'Align centre' },
  { alignment: 'right', label: 'Align right' },
  { alignment: 'top', label: 'Align top' },
  { alignment: 'middle', label: 'Align middle' },
  { alignment: 'bottom', label: 'Align bottom' }
]

/** What can be done with the selected layers: order, align, distribute, group, lock, duplicate, delete. */
export function ArrangeBar({ chosen, commands }: { chosen: readonly Layer[]; commands: DesignCommands }) {
  if (chosen.length === 0) return null
  const allLocked = chosen.every((layer) => layer.locked)
  const grouped = chosen.some((layer) => layer.groupId)
  return (
    <div className="arrange-bar" role="toolbar" aria-label="Arrange">
      <button type="button" onClick={() => commands.restack('forward')}>
        Bring forward
      </button>
      <button type="button" onClick={() => commands.restack('backward')}>
        Send backward
      </button>
      <button type="button" onClick={() => commands.restack('front')}>
        Bring to front
      </button>
      <button type="button" onClick={() => commands.restack('back')}>
        Send to back
      </button>
      {ALIGNMENTS.map(({ alignment, label }) => (
        <button key={alignment} type="button" onClick={() => commands.align(alignment)} title={chosen.length === 1 ? `${label} (to the canvas)` : label}>
          {label}
        </button>
      ))}
      {chosen.length >= 3 ? (
        <>
          <button type="button" onClick={() => commands.distribute('horizontal')}>
            Distribute horizontally
          </button>
          <button type="button" onClick={() => commands.distribute('vertical')}>
            Distribute vertically
          </button>
        </>
      ) : null}
      {chosen.length >= 2 ? (
        <button type="button" onClick={commands.group} title={shortcutLabel('g')}>
          Group
        </button>
      ) : null}
      {grouped ? (
        <button type="button" onClick={commands.ungroup}>
          Ungroup
        </button>
      ) : null}
      <button type="button" onClick={() => commands.setLocked(!allLocked)}>
        {allLocked ? 'Unlock' : 'Lock'}
      </button>
      <button type="button" onClick={commands.duplicate} title={shortcutLabel('d')}>
        Duplicate layer
      </button>
      <button type="button" onClick={commands.remove} disabled={allLocked} title="Delete">
        Delete layer
      </button>
    </div>
  )
}
