import { ORPCError } from '@orpc/server'
import { storageUnavailable } from '../../shared/contracts/errors'
import { implementer } from '../rpc/context'

const { STORAGE_UNAVAILABLE } = storageUnavailable

/** Settings live in the database: while it is blocked, every settings call says so. */
const settings = implementer.settings.use(({ context, next }) => {
  if (!context.settings) {
    throw new ORPCError('STORAGE_UNAVAILABLE', {
      status: STORAGE_UNAVAILABLE.status,
      message: STORAGE_UNAVAILABLE.message,
      data: { reason: 'database-too-new' }
    })
  }
  return next({ context: { store: context.settings } })
})

export const settingsHandlers = {
  get: settings.get.handler(({ context }) => context.store.read()),

  update: settings.update.handler(({ context, input }) => context.store.update(input)),

  changes: settings.changes.handler(async function* ({ context, signal }) {
    yield context.store.read()
    for await (const next of context.store.events.subscribe('changed', { signal })) yield next
  })
}
