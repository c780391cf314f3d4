import { implementer } from '../rpc/context'

// No database needed: a workspace too new for this Holdfast is exactly when an update is wanted.
export const updatesHandlers = {
  watch: implementer.updates.watch.handler(async function* ({ context, signal }) {
    yield context.updates.overview
    for await (const next of context.updates.events.subscribe('changed', { signal })) yield next
  }),

  configure: implementer.updates.configure.handler(({ context, input }) => context.updates.configure(input)),

  checkNow: implementer.updates.checkNow.handler(({ context }) => context.updates.checkNow()),

  installNow: implementer.updates.installNow.handler(({ context }) => context.updates.installNow())
}
