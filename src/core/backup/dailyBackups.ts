import type { BackupInfo } from '../../shared/contracts/backups'
import type { Logger } from '../logger'
import { DAILY_MS } from './backupFiles'

export interface DailyBackupOptions {
  list: () => BackupInfo[]
  backUp: () => Promise<BackupInfo>
  log: Logger
  /** Wait this long after start before the first check, so start-up stays quick. */
  firstCheckMs?: number
  checkEveryMs?: number
}

/** True when no backup of any kind is younger than a day. */
export function isBackupDue(backups: readonly BackupInfo[], now: number): boolean {
  const newest = backups[0]
  return !newest || now - newest.createdAt >= DAILY_MS
}

/** Makes a backup whenever the newest one is a day old, checking hourly. Returns a stop function. */
export function scheduleDailyBackups(options: DailyBackupOptions): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve()
  const check = (): void => {
    if (!isBackupDue(options.list(), Date.now())) return
    running = options.backUp().catch((error: unknown) => options.log.error('The daily backup failed; it will be tried again in an hour.', error))
  }
  const first = setTimeout(check, options.firstCheckMs ?? 10_000)
  const hourly = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000)
  first.unref()
  hourly.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(hourly)
    await running
  }
}
