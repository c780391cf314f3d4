import { useRef, type ChangeEvent } from 'react'
import { IMAGE_TYPES } from '../../../../shared/blobs/images'
import { shortcutLabel } from '../../lib/shortcuts'
import type { DesignUndo } from './useDesignUndo'

interface DesignToolbarProps {
  undo: DesignUndo
  hasSelection: boolean
  onAddText: () => void
  onAddShape: (shape: 'rect' | 'ellipse' | 'line') => void
  onAddImages: (files: File[]) => void
}

/** Adding layers, and undo/redo. */
export function DesignToolbar({ undo, hasSelection, onAddText, onAddShape, onAddImages }: DesignToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null)
  const onFiles = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    if (files.length > 0) onAddImages(files)
  }
  return (
    <div className="design-toolbar" role="toolbar" aria-label="Design tools">
      <button type="button" onClick={onAddText}>
        Add text
      </button>
      <button type="button" onClick={() => onAddShape('rect')}>
        Add rectangle
      </button>
      <button type="button" onClick={() => onAddShape('ellipse')}>
        Add ellipse
      </button>
      <button type="button" onClick={() => onAddShape('line')}>
        Add line
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Add image
      </button>
      <input ref={fileInput} type="file" accept={IMAGE_TYPES.join(',')} multiple hidden aria-label="Image file" onChange={onFiles} />
      <span className="toolbar-separator" aria-hidden="true" />
      <button type="button" onClick={undo.undo} disabled={!undo.canUndo} title={shortcutLabel('z')}>
        Undo
      </button>
      <button type="button" onClick={undo.redo} disabled={!undo.canRedo} title={`Shift+${shortcutLabel('z')}`}>
        Redo
      </button>
      {hasSelection ? null : <span className="toolbar-hint">Select a layer to move, resize or rotate it.</span>}
    </div>
  )
}
