import { useState } from 'react'
import type { ModelEntry } from '../../../../shared/contracts/models'
import { formatBytes } from '../../../../shared/text/formatBytes'
import { cannotRunNotice } from './modelLabels'
import { ModelRow } from './ModelRow'
import { PackPathForm } from './PackPathForm'
import { useModels } from './useModels'
import './models.css'
import { InlineError } from '../../ui/InlineError'

function packFileName(model: ModelEntry): string {
  return `${model.id.replace(/[^A-Za-z0-9._-]+/g, '-')}.zip`
}

/** Settings → Local models: the catalog, downloads, the outage kit, packs and the writing model. */
export function ModelsPanel({ open }: { open: boolean }) {
  const { client, overview, error, run } = useModels(open)
  const [exporting, setExporting] = useState<ModelEntry | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  if (!overview) return null

  const missing = overview.models.filter((m) => m.recommended && m.status.state !== 'installed')
  const kitBytes = missing.reduce((sum, m) => sum + m.downloadBytes, 0)
  const chatModels = overview.models.filter((m) => m.task === 'chat' && m.status.state === 'installed')
  const separator = overview.defaultPackFolder.includes('\\') ? '\\' : '/'

  return (
    <section className="local-models" aria-labelledby="local-models-title">
      <h3 id="local-models-title">Local models</h3>
      <p className="hint">
        Models that run on this computer when the cloud is down or “Never send to cloud” is on. This computer:{' '}
        {(overview.machine.totalMemoryMb / 1024).toFixed(0)} GB memory
        {overview.freeBytes === undefined ? '' : `, ${formatBytes(overview.freeBytes)} free for models`}.
      </p>
      {overview.cannotRun === undefined ? null : (
        <p role="note" className="notice">
          {cannotRunNotice(overview.cannotRun)}
        </p>
      )}
      <div className="model-actions">
        <button
          type="button"
          disabled={missing.length === 0}
          onClick={() => void run(() => client.models.outageKit()).then((r) => r && setNotice(`Downloading ${r.queued.length} model(s) for offline work.`))}
        >
          Outage kit
        </button>
        <span className="hint">
          {missing.length === 0 ? 'The recommended models for this computer are installed.' : `Downloads the recommended set for this computer (${formatBytes(kitBytes)}).`}
        </span>
      </div>
      {notice ? <p role="status">{notice}</p> : null}
      <InlineError message={error} />
      <ul className="settings-list" aria-label="Models">
        {overview.models.map((model) => (
          <ModelRow
            key={model.id}
            model={model}
            onDownload={() => void run(() => client.models.download({ id: model.id }))}
            onPause={() => void run(() => client.models.pause({ id: model.id }))}
            onRemove={() => void run(() => client.models.remove({ id: model.id }))}
            onExport={() => setExporting(model)}
          />
        ))}
      </ul>
      {exporting ? (
        <PackPathForm
          label={`Save ${exporting.name} as a pack at`}
          submitLabel="Export pack"
          initialPath={`${overview.defaultPackFolder}${separator}${packFileName(exporting)}`}
          onCancel={() => setExporting(null)}
          onSubmit={async (path) => {
            const done = await run(() => client.models.exportPack({ id: exporting.id, path }))
            if (done) {
              setExporting(null)
              setNotice(`Saved the pack as ${done.path}. Copy it to the other computer and import it there.`)
            }
          }}
        />
      ) : null}
      <PackPathForm
        label="Model pack to import (a folder or .zip on this computer)"
        submitLabel="Import pack"
        initialPath=""
        onSubmit={async (path) => {
          const done = await run(() => client.models.importPack({ path }))
          if (done) setNotice(`Installed ${done.id} from the pack; every file matched its hash.`)
        }}
      />
      <label className="chat-model-choice">
        Model for writing help
        <select value={overview.chatModelOverride} onChange={(e) => void run(() => client.models.chooseChatModel({ id: e.target.value }))}>
          <option value="">Automatic (best installed for this computer)</option>
          {chatModels.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
    </section>
  )
}
