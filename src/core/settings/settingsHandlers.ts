import { implementer, requireStorage } from '../rpc/context'

const settings = implementer.settings.use(requireStorage)

export const settingsHandlers = {
  get: settings.get.handler(({ context }) => context.settings.read()),

  update: settings.update.handler(({ context, input }) => {
    const updated = context.settings.update(input)
    // The AI providers' connections are built with the trusted certificates: rebuild them.
    if (input.aiTrustedCertificates !== undefined) void context.ai.reload()
    return updated
  }),

  changes: settings.changes.handler(async function* ({ context, signal }) {
    yield context.settings.read()
    for await (const next of context.settings.events.subscribe('changed', { signal })) yield next
  })
}
