import * as Y from 'yjs'
import { WORKSPACE_INDEX_ID } from '../../shared/contracts/docs'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { listDocuments } from '../../shared/workspace/workspaceIndex'
import { implementer, requireStorage } from '../rpc/context'
import type { DocStore } from './docStore'
import { DocNotFoundError, InvalidUpdateError } from './docStore'

const docs = implementer.docs.use(requireStorage)

/**
 * Changes kept for a subscriber that has not taken them yet; more and the oldest are dropped
 * (a session that far behind is reloaded from storage when next handed over or opened).
 */
const CHANGES_BUFFERED = 1000

/** Whether the stored workspace index still lists a document (among drafts, designs or the trash). */
function listedInIndex(store: DocStore, docId: string): boolean {
  if (docId === WORKSPACE_INDEX_ID) return true
  if (!store.has(WORKSPACE_INDEX_ID)) return false
  const index = new Y.Doc()
  applyUpdates(index, store.load(WORKSPACE_INDEX_ID).updates)
  const listed = listDocuments(index).some((entry) => entry.id === docId)
  index.destroy()
  return listed
}

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

  remove: docs.remove.handler(({ context, input, errors }) => {
    if (listedInIndex(context.docs, input.docId)) throw errors.STILL_LISTED({ data: { docId: input.docId } })
    if (!context.docs.remove(input.docId)) throw errors.NOT_FOUND({ data: { docId: input.docId } })
    return { removed: true as const }
  }),

  changes: docs.changes.handler(async function* ({ context, input, signal }) {
    for await (const change of context.docs.changes.subscribe(input.docId, { signal, maxBufferedEvents: CHANGES_BUFFERED })) {
      if (change.writer !== input.writer) yield { updates: change.updates }
    }
  }),

  append: docs.append.handler(async ({ context, input, errors }) => {
    try {
      await context.docs.append(input.docId, input.updates, input.writer)
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
