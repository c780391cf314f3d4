import { useState } from 'react'
import { useCore } from '../../app/coreContext'
import type { ExportFormat } from '../../../../shared/contracts/transfer'
import type { DocSession } from '../../lib/docSession'
import { describeError } from '../../lib/rpcError'
import { downloadExport } from './downloadExport'
import './transfer.css'

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'text', label: 'Plain text' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' }
]

interface ExportMenuProps {
  index: DocSession
  draft: DocSession
}

/** "Export as": downloads the open draft as Markdown, HTML, plain text, Word or PDF. */
export function ExportMenu({ index, draft }: ExportMenuProps) {
  const { client } = useCore()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const exportAs = (format: ExportFormat): void => {
    setBusy(true)
    setError(null)
    downloadExport(client, index, draft, format)
      .catch((e: unknown) => setError(`The draft could not be exported: ${describeError(e)}`))
      .finally(() => setBusy(false))
  }

  return (
    <span className="transfer-export">
      <select
        aria-label="Export as"
        value=""
        disabled={busy}
        onChange={(event) => {
          const choice = FORMATS.find((f) => f.format === event.target.value)
          if (choice) exportAs(choice.format)
        }}
      >
        <option value="" disabled>
          {busy ? 'Exporting…' : 'Export as…'}
        </option>
        {FORMATS.map(({ format, label }) => (
          <option key={format} value={format}>
            {label}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="inline-error">
          {error}
        </span>
      ) : null}
    </span>
  )
}
