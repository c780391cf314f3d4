import { implementer, requireStorage } from '../rpc/context'

const settings = implementer.settings.use(requireStorage)

export const settingsHandlers = {
  get: settings.get.handler(({ context }) => context.settings.read()),

  update: settings.update.handler(({ context, input }) => context.settings.update(input)),

  changes: settings.changes.handler(async function* ({ context, signal }) {
    yield context.settings.read()
    for await (const next of context.settings.events.subscribe('changed', { signal })) yield next
  })
}
