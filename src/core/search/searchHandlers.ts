import { implementer, requireStorage } from '../rpc/context'

const search = implementer.search.use(requireStorage)

export const searchHandlers = {
  drafts: search.drafts.handler(({ context, input }) => context.search(input.text, input.limit))
}
