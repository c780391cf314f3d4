import { statfs } from 'node:fs/promises'
import { formatBytes } from '../../../shared/text/formatBytes'
import { ModelDownloadError } from './modelDownloadError'

/** Room left over after a download, so the disk is not filled to the last byte. */
export const DISK_SPACE_MARGIN_BYTES = 100 * 1024 * 1024

/** Bytes free for this user on the disk holding `folder`. */
export type FreeBytesFunction = (folder: string) => Promise<number>

export const freeBytesOnDisk: FreeBytesFunction = async (folder) => {
  const stats = await statfs(folder)
  return stats.bavail * stats.bsize
}

/** Refuses a download whose remaining bytes plus the margin do not fit on the disk. */
export async function ensureDiskSpace(options: { folder: string; remainingBytes: number; modelName: string; freeBytes: FreeBytesFunction }): Promise<void> {
  const needed = options.remainingBytes + DISK_SPACE_MARGIN_BYTES
  const free = await options.freeBytes(options.folder)
  if (needed <= free) return
  throw new ModelDownloadError(
    'disk-space',
    `Downloading ${options.modelName} needs ${formatBytes(needed, Math.ceil)} of free disk space (${formatBytes(options.remainingBytes, Math.ceil)} to download and ${formatBytes(DISK_SPACE_MARGIN_BYTES)} to spare), but only ${formatBytes(free, Math.floor)} is free on the disk with the models folder. Free up some space and try again.`
  )
}
