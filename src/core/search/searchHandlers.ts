import { implementer, requireStorage } from '../rpc/context'
import { listedDrafts } from './semantic/listedDrafts'
import { mergeResults, passageSnippet } from './semantic/mergeResults'

const search = implementer.search.use(requireStorage)

export const searchHandlers = {
  drafts: search.drafts.handler(({ context, input }) => context.search(input.text, input.limit)),

  combined: search.combined.handler(async ({ context, input, signal }) => {
    const words = context.search(input.text, input.limit)
    const meaning = await context.semantic.search(input.text, input.limit, signal ?? new AbortController().signal)
    const titled = meaning.map((hit) => ({ docId: hit.docId, title: context.semantic.store.title(hit.docId) ?? '', text: hit.text }))
    return { hits: mergeResults(words, titled, input.limit), semantic: context.semantic.status() }
  }),

  related: search.related.handler(({ context, input }) => {
    // Only drafts still listed and not in the trash; the titles come from the same index.
    const drafts = listedDrafts(context.docs)
    const related = context.semantic.related(input.docId, input.limit, (id) => drafts.get(id)?.trashedAt === null)
    return {
      drafts: related.map((hit) => ({ docId: hit.docId, title: drafts.get(hit.docId)?.title ?? '', snippet: passageSnippet(hit.text), score: hit.score })),
      semantic: context.semantic.status()
    }
  }),

  semanticStatus: search.semanticStatus.handler(async function* ({ context, signal }) {
    yield context.semantic.status()
    for await (const next of context.semantic.statusEvents.subscribe('changed', { signal })) yield next
  })
}
