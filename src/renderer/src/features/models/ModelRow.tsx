import type { ModelEntry } from '../../../../shared/contracts/models'
import { sizeLabel, statusLabel, TASK_LABELS } from './modelLabels'

interface ModelRowProps {
  model: ModelEntry
  onDownload: () => void
  onPause: () => void
  onRemove: () => void
  onExport: () => void
}

/** One model: what it is for, its size, its status with a progress bar, and what can be done. */
export function ModelRow({ model, onDownload, onPause, onRemove, onExport }: ModelRowProps) {
  const { status } = model
  const busy = status.state === 'downloading' || status.state === 'queued'
  const installed = status.state === 'installed'
  const progress = status.state === 'downloading' || status.state === 'paused' ? status : null
  return (
    <li aria-label={model.name}>
      <div className="model-summary">
        <strong>{model.name}</strong> · {TASK_LABELS[model.task]} · {sizeLabel(model)}
        {model.recommended ? <span className="badge">Recommended</span> : null}
        {model.active ? <span className="badge">In use</span> : null}
        <div className="hint">
          {model.purpose}
          {model.license ? ` Licence: ${model.license}.` : ''}
        </div>
        {progress ? (
          <progress
            aria-label={`Download of ${model.name}`}
            max={Math.max(progress.totalBytes, 1)}
            value={Math.min(progress.receivedBytes, progress.totalBytes)}
          />
        ) : null}
        <p className={status.state === 'failed' ? 'inline-error' : 'hint'} role={status.state === 'failed' ? 'alert' : undefined}>
          {statusLabel(model)}
        </p>
      </div>
      <div className="row-buttons">
        {model.inCatalog && (status.state === 'available' || status.state === 'failed') ? (
          <button type="button" className="small" onClick={onDownload} aria-label={`Download ${model.name}`}>
            Download
          </button>
        ) : null}
        {status.state === 'paused' ? (
          <button type="button" className="small" onClick={onDownload} aria-label={`Resume ${model.name}`}>
            Resume
          </button>
        ) : null}
        {busy ? (
          <button type="button" className="small" onClick={onPause} aria-label={`Pause ${model.name}`}>
            Pause
          </button>
        ) : null}
        {installed && status.source !== 'folder' ? (
          <button type="button" className="small" onClick={onExport} aria-label={`Export ${model.name} as a pack`}>
            Export pack
          </button>
        ) : null}
        {installed || status.state === 'paused' ? (
          <button type="button" className="small" onClick={onRemove} aria-label={`Delete ${model.name}`}>
            Delete
          </button>
        ) : null}
      </div>
    </li>
  )
}
