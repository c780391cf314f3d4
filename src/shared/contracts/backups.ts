import { oc } from '@orpc/contract'
import { z } from 'zod'
import { storageProcedure } from './errors'

export const BackupReasonSchema = z.enum(['daily', 'manual', 'before-migration', 'before-restore'])
export type BackupReason = z.infer<typeof BackupReasonSchema>

/** The file name of a backup in the data folder's backups/ folder; nothing else is accepted. */
export const BackupIdSchema = z.string().regex(/^holdfast-[a-z-]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/)

export const BackupInfoSchema = z.object({
  id: BackupIdSchema,
  reason: BackupReasonSchema,
  createdAt: z.number(),
  bytes: z.number().int()
})
export type BackupInfo = z.infer<typeof BackupInfoSchema>

const backupErrors = {
  NOT_FOUND: { status: 404, message: 'There is no backup with that name.', data: z.object({ id: z.string() }) },
  BACKUP_DAMAGED: { status: 422, message: 'That backup is damaged and was not restored.', data: z.object({ id: z.string() }) }
} as const

export const backupsContract = {
  /** Backups of the workspace database, newest first. Works even while the database is blocked. */
  list: oc.output(z.array(BackupInfoSchema)),
  /** Backs up the workspace database now (SQLite's online backup; writing can go on meanwhile). */
  create: storageProcedure.output(BackupInfoSchema),
  /**
   * Replaces the workspace database with a backup. The current database is first backed up and
   * then moved aside (never deleted). Every window must reload afterwards.
   */
  restore: oc.errors(backupErrors).input(z.object({ id: BackupIdSchema })).output(z.object({ restored: BackupInfoSchema }))
}
