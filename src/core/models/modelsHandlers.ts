import { isProviderError } from '../ai/provider'
import { implementer, requireStorage } from '../rpc/context'
import { ModelPackError } from './packs'
import { ModelBusyError, UnknownModelError } from './manager/modelManager'

/** Runs a model manager call, turning its refusals into the contract's errors. */
async function refusals<T>(
  call: () => T | Promise<T>,
  id: string,
  errors: { NOT_FOUND: (o: { data: { id: string } }) => Error; MODEL_BUSY: (o: { data: { id: string } }) => Error; PACK_FAILED: (o: { message: string }) => Error }
): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof UnknownModelError) throw errors.NOT_FOUND({ data: { id } })
    if (error instanceof ModelBusyError) throw errors.MODEL_BUSY({ data: { id } })
    if (error instanceof ModelPackError) throw errors.PACK_FAILED({ message: error.message })
    throw error
  }
}

export const modelsHandlers = {
  watch: implementer.models.watch.handler(async function* ({ context, signal }) {
    yield context.models.overview()
    for await (const next of context.models.events.subscribe('changed', { signal })) yield next
  }),
  download: implementer.models.download.handler(({ context, input, errors }) => refusals(() => context.models.download(input.id), input.id, errors)),
  pause: implementer.models.pause.handler(({ context, input, errors }) => refusals(() => context.models.pause(input.id), input.id, errors)),
  remove: implementer.models.remove.handler(({ context, input, errors }) => refusals(() => context.models.remove(input.id), input.id, errors)),
  outageKit: implementer.models.outageKit.handler(({ context }) => ({ queued: context.models.outageKit() })),
  chooseChatModel: implementer.models.chooseChatModel.handler(({ context, input, errors }) =>
    refusals(() => context.models.setChatModel(input.id), input.id, errors)
  ),
  importPack: implementer.models.importPack.handler(async ({ context, input, errors }) => ({
    id: await refusals(() => context.models.importPack(input.path), input.path, errors)
  })),
  exportPack: implementer.models.exportPack.handler(async ({ context, input, errors }) => ({
    path: await refusals(() => context.models.exportPack(input.id, input.path), input.id, errors)
  })),
  caption: implementer.models.caption.use(requireStorage).handler(async ({ context, input, errors, signal }) => {
    const image = context.blobs.get(input.hash)
    if (!image) throw errors.IMAGE_NOT_FOUND({ data: { hash: input.hash } })
    const modelId = context.models.captioningModel()
    if (modelId === undefined) throw errors.NO_CAPTION_MODEL()
    try {
      const text = await context.inference.caption({ modelId, image: image.bytes }, signal ?? new AbortController().signal)
      return { text, modelId }
    } catch (error) {
      // A cancelled call has no one to tell; anything else says what went wrong with the model.
      if (isProviderError(error) && error.kind !== 'aborted') throw errors.CAPTION_FAILED({ message: `The alt text model could not describe the image: ${error.message}` })
      throw error
    }
  })
}
