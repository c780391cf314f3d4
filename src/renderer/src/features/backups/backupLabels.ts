import type { BackupInfo } from '../../../../shared/contracts/backups'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const REASONS: Record<BackupInfo['reason'], string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore'
}

export function describeBackup(backup: BackupInfo): string {
  const size = backup.bytes < 1024 * 1024 ? `${Math.ceil(backup.bytes / 1024)} KB` : `${(backup.bytes / 1024 / 1024).toFixed(1)} MB`
  return `${when.format(backup.createdAt)} · ${REASONS[backup.reason]} · ${size}`
}
