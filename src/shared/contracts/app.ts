import { oc } from '@orpc/contract'
import { z } from 'zod'
import { BackupInfoSchema } from './backups'

/** Something that happened while the core started and that the user must be told about. */
export const StartupNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('database-moved-aside'),
    message: z.string(),
    movedTo: z.array(z.string()),
    /** Healthy backups the user can restore instead of starting fresh, newest first. */
    backups: z.array(BackupInfoSchema)
  }),
  z.object({
    kind: z.literal('database-too-new'),
    message: z.string(),
    foundVersion: z.number().int(),
    supportedVersion: z.number().int()
  })
])
export type StartupNotice = z.infer<typeof StartupNoticeSchema>

export const AppStatusSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  storage: z.enum(['ready', 'blocked']),
  notices: z.array(StartupNoticeSchema)
})
export type AppStatus = z.infer<typeof AppStatusSchema>

export const appContract = {
  status: oc.output(AppStatusSchema)
}
