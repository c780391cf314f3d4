import { implementer } from '../rpc/context'
import { altTextHandlers } from './altText/altTextHandlers'
import { streamForCaller } from './aiUnavailable'
import { ConfigNotEditableError } from './config/configSource'
import { designAiHandlers } from './design/designHandlers'

export const aiHandlers = {
  // The stream ends when the caller cancels (or its connection closes): the provider stops at once.
  assist: implementer.ai.assist.handler(async function* ({ context, input, signal, errors }) {
    yield* streamForCaller((stop) => context.ai.assist(input.request, input.localOnly, stop), signal, (details) => errors.AI_UNAVAILABLE(details))
  }),

  ...designAiHandlers,

  ...altTextHandlers,

  health: implementer.ai.health.handler(async function* ({ context, signal }) {
    yield context.ai.health()
    for await (const next of context.ai.healthEvents.subscribe('changed', { signal })) yield next
  }),

  providers: {
    list: implementer.ai.providers.list.handler(({ context }) => context.ai.providerList()),

    save: implementer.ai.providers.save.handler(async ({ context, input, errors }) => {
      try {
        return await context.ai.saveProvider(input.config, input.apiKey)
      } catch (error) {
        if (error instanceof ConfigNotEditableError) throw errors.NOT_EDITABLE()
        throw error
      }
    }),

    remove: implementer.ai.providers.remove.handler(async ({ context, input, errors }) => {
      try {
        const list = await context.ai.removeProvider(input.providerId)
        if (!list) throw errors.NOT_FOUND({ data: { providerId: input.providerId } })
        return list
      } catch (error) {
        if (error instanceof ConfigNotEditableError) throw errors.NOT_EDITABLE()
        throw error
      }
    }),

    test: implementer.ai.providers.test.handler(({ context, input }) => context.ai.test(input.providerId))
  },

  policy: {
    get: implementer.ai.policy.get.handler(({ context }) => context.ai.policy()),
    update: implementer.ai.policy.update.handler(({ context, input, errors }) => {
      try {
        return context.ai.setChains(input.chains)
      } catch (error) {
        if (error instanceof ConfigNotEditableError) throw errors.NOT_EDITABLE()
        throw error
      }
    })
  },

  usage: implementer.ai.usage.handler(({ context }) => context.ai.usage())
}
