import { blobRef } from '../../shared/blobs/images'
import { NotAnImageError } from '../blobs/blobStore'
import { DocNotFoundError } from '../docs/docStore'
import { implementer, requireStorage } from '../rpc/context'
import { ImportError } from './importError'

// The converters (TipTap, happy-dom, mammoth, docx, pdfkit) load on first use, not at start:
// they would double the core's start-up time for something used now and then.
export const transferHandlers = {
  importFile: implementer.transfer.importFile.use(requireStorage).handler(async ({ context, input, errors }) => {
    const storeImage = (bytes: Uint8Array): string | null => {
      try {
        return blobRef(context.blobs.putImage(bytes).hash)
      } catch (error) {
        if (error instanceof NotAnImageError) return null
        throw error
      }
    }
    const { importFile } = await import('./importFile')
    try {
      return await importFile(input.fileName, input.bytes, { storeImage })
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      const data = error.data
      switch (data.code) {
        case 'IMPORT_TOO_LARGE':
          throw errors.IMPORT_TOO_LARGE({ message: error.message, data: { fileName: data.fileName, size: data.size, limit: data.limit } })
        case 'IMPORT_UNSUPPORTED':
          throw errors.IMPORT_UNSUPPORTED({ message: error.message, data: { fileName: data.fileName, extension: data.extension } })
        case 'IMPORT_UNRECOGNISED':
          throw errors.IMPORT_UNRECOGNISED({ message: error.message, data: { fileName: data.fileName, expected: data.expected } })
      }
    }
  }),

  exportDraft: implementer.transfer.exportDraft.use(requireStorage).handler(async ({ context, input, errors }) => {
    let updates: Uint8Array[]
    try {
      updates = context.docs.load(input.docId).updates
    } catch (error) {
      if (error instanceof DocNotFoundError) throw errors.NOT_FOUND({ data: { docId: input.docId } })
      throw error
    }
    const { exportDraft } = await import('./exportDraft')
    return exportDraft(updates, input.format, input.title, (hash) => context.blobs.get(hash))
  })
}
