import { implementer, requireStorage } from '../rpc/context'

const versions = implementer.versions.use(requireStorage)

export const versionHandlers = {
  list: versions.list.handler(({ context, input }) => context.versions.list(input.docId)),

  get: versions.get.handler(({ context, input, errors }) => {
    const version = context.versions.get(input.id)
    if (!version) throw errors.NOT_FOUND({ data: { id: input.id } })
    return version
  }),

  create: versions.create.handler(({ context, input }) => ({
    created: context.versions.create(input.docId, input.kind, input.name ?? null, Date.now())
  }))
}
