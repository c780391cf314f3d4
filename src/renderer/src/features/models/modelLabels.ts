import type { ModelEntry } from '../../../../shared/contracts/models'
import type { ModelTask } from '../../../../shared/models/catalog'
import { formatBytes, formatDuration } from '../../../../shared/text/formatBytes'

export const TASK_LABELS: Record<ModelTask, string> = {
  chat: 'Writing help',
  embeddings: 'Semantic search',
  captioning: 'Alt text'
}

/** The size line: exact once the catalog is pinned, "about" before. */
export function sizeLabel(model: ModelEntry): string {
  if (model.status.state === 'installed') return formatBytes(model.status.sizeBytes)
  return model.sizeExact ? formatBytes(model.downloadBytes) : `about ${formatBytes(model.downloadBytes)}`
}

/** What is happening to the model, in words. */
export function statusLabel(model: ModelEntry): string {
  const { status } = model
  switch (status.state) {
    case 'available':
      return 'Not installed'
    case 'queued':
      return 'Waiting for the download before it'
    case 'downloading': {
      const done = `${formatBytes(status.receivedBytes)} of ${formatBytes(status.totalBytes)}`
      if (status.bytesPerSecond <= 0) return `Downloading: ${done}`
      const left = status.secondsLeft === undefined ? '' : ` · ${formatDuration(status.secondsLeft)} left`
      return `Downloading: ${done} · ${formatBytes(status.bytesPerSecond)}/s${left}`
    }
    case 'paused':
      return status.message ?? `Paused at ${formatBytes(status.receivedBytes)} of ${formatBytes(status.totalBytes)}`
    case 'installed':
      return status.source === 'pack' ? 'Installed from a pack' : status.source === 'folder' ? 'Installed (copied in)' : 'Installed'
    case 'failed':
      return status.message
  }
}

/** On a computer no local model can run on: why, and what writing help uses instead. */
export function cannotRunNotice(reason: string): string {
  return `Local models cannot run on this computer: ${reason}. Writing help uses your cloud providers and the built-in rules.`
}
