import { implementer, requireStorage } from '../rpc/context'
import { BackupDamagedError, BackupMissingError } from '../workspace'

const backups = implementer.backups

export const backupHandlers = {
  list: backups.list.handler(({ context }) => context.workspace.listBackups()),

  create: backups.create.use(requireStorage).handler(({ context }) => context.backUp('manual')),

  restore: backups.restore.handler(async ({ context, input, errors }) => {
    try {
      return { restored: await context.workspace.restore(input.id) }
    } catch (error) {
      if (error instanceof BackupMissingError) throw errors.NOT_FOUND({ data: { id: input.id } })
      if (error instanceof BackupDamagedError) throw errors.BACKUP_DAMAGED({ data: { id: input.id } })
      throw error
    }
  })
}
