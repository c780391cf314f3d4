import type { BackupInfo } from '../../../../shared/contracts/backups'
import { formatBytes } from '../../../../shared/text/formatBytes'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const REASONS: Record<BackupInfo['reason'], string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore'
}

export function describeBackup(backup: BackupInfo): string {
  return `${when.format(backup.createdAt)} · ${REASONS[backup.reason]} · ${formatBytes(backup.bytes)}`
}
