import { implementer, requireStorage } from '../rpc/context'
import { DocNotFoundError, InvalidUpdateError } from './docStore'

const docs = implementer.docs.use(requireStorage)

export const docsHandlers = {
  create: docs.create.handler(({ context, input }) => ({ created: context.docs.create(input.docId, input.kind) })),

  load: docs.load.handler(({ context, input, errors }) => {
    try {
      return context.docs.load(input.docId)
    } catch (error) {
      if (error instanceof DocNotFoundError) throw errors.NOT_FOUND({ data: { docId: input.docId } })
      throw error
    }
  }),

  append: docs.append.handler(async ({ context, input, errors }) => {
    try {
      await context.docs.append(input.docId, input.updates)
      return { durable: true as const }
    } catch (error) {
      if (error instanceof DocNotFoundError) throw errors.NOT_FOUND({ data: { docId: input.docId } })
      if (error instanceof InvalidUpdateError) {
        throw errors.UPDATE_INVALID({ message: error.message, data: { docId: input.docId, index: error.index } })
      }
      throw error
    }
  })
}
