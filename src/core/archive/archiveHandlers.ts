import { ORPCError } from '@orpc/server'
import { archiveErrors } from '../../shared/contracts/archive'
import { implementer, requireStorage } from '../rpc/context'
import { ArchiveError } from './archiveError'

const archive = implementer.archive

/** Runs the work, turning an ArchiveError into the typed RPC error of the same code. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error
    throw new ORPCError(error.code, { status: archiveErrors[error.code].status, message: error.message, data: error.data })
  }
}

export const archiveHandlers = {
  exportBegin: archive.exportBegin.use(requireStorage).handler(({ context }) => answer(() => context.archives.beginExport())),

  exportChunk: archive.exportChunk.handler(({ context, input }) =>
    answer(async () => ({ bytes: await context.archives.readExport(input.archiveId, input.offset) }))
  ),

  exportEnd: archive.exportEnd.handler(async ({ context, input }) => ({ removed: await context.archives.endExport(input.archiveId) })),

  importBegin: archive.importBegin.handler(({ context, input }) => answer(async () => ({ uploadId: await context.archives.beginUpload(input.size) }))),

  importChunk: archive.importChunk.handler(({ context, input }) =>
    answer(async () => ({ received: await context.archives.receiveChunk(input.uploadId, input.offset, input.bytes) }))
  ),

  importFinish: archive.importFinish.handler(({ context, input }) =>
    answer(async () => {
      await context.archives.finishUpload(input.uploadId)
      return { imported: true as const }
    })
  ),

  importAbort: archive.importAbort.handler(async ({ context, input }) => ({ removed: await context.archives.abortUpload(input.uploadId) }))
}
