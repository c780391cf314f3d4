import Image from '@tiptap/extension-image'
import StarterKit from '@tiptap/starter-kit'
import { Provenance } from './provenance'

/** Images are blocks referring to stored blobs ("holdfast-blob:<hash>"); their bytes are never in the document. */
export const DraftImage = Image.configure({ allowBase64: false, inline: false })

/**
 * The document schema of drafts, shared by the editor (which adds collaboration and UI
 * extensions) and the core (text extraction, import and export). Changing it changes what
 * every stored draft can hold.
 */
export const draftExtensions = [
  StarterKit.configure({
    // Undo and redo come from Yjs (the collaboration extension), so they follow only this user's edits.
    undoRedo: false,
    heading: { levels: [1, 2, 3] },
    link: { openOnClick: false, autolink: true },
    codeBlock: false,
    code: false
  }),
  DraftImage,
  Provenance
]
