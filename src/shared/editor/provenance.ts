import { Mark, mergeAttributes } from '@tiptap/core'

/**
 * Who wrote a stretch of text, when it was not the person typing: "openai · gpt-4o-mini",
 * "rules · rule-based". Stored in the document (so it syncs with it) and shown on demand.
 */
export const Provenance = Mark.create({
  name: 'provenance',
  // Typing at the edge of accepted text is the writer's own, not the model's.
  inclusive: false,
  addAttributes() {
    return {
      by: {
        default: null,
        // Typed structurally: shared code has no DOM types.
        parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-provenance'),
        renderHTML: (attributes: { by?: string | null }) =>
          attributes.by ? { 'data-provenance': attributes.by, title: `Written by ${attributes.by}` } : {}
      }
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-provenance]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'provenance' }), 0]
  }
})
