import type { Editor } from '@tiptap/react'
import { sameFields, useEditorFrameState } from '../../lib/useEditorFrameState'
import { shortcutLabel } from '../../lib/shortcuts'

interface ToolbarProps {
  editor: Editor
  onLink: () => void
  onFind: () => void
  onImage: () => void
  /** Opens the selected image's alt text. */
  onAltText: () => void
}

function readToolbarState(e: Editor) {
  return {
    bold: e.isActive('bold'),
    italic: e.isActive('italic'),
    h1: e.isActive('heading', { level: 1 }),
    h2: e.isActive('heading', { level: 2 }),
    h3: e.isActive('heading', { level: 3 }),
    bulletList: e.isActive('bulletList'),
    orderedList: e.isActive('orderedList'),
    blockquote: e.isActive('blockquote'),
    link: e.isActive('link'),
    image: e.isActive('image'),
    canUndo: e.can().undo(),
    canRedo: e.can().redo()
  }
}

/** Formatting buttons; each says what it does, its shortcut, and whether it is on here. */
export function EditorToolbar({ editor, onLink, onFind, onImage, onAltText }: ToolbarProps) {
  const active = useEditorFrameState(editor, readToolbarState, sameFields)
  const chain = () => editor.chain().focus()
  const buttons = [
    { label: 'Bold', text: 'B', key: 'b', on: active.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', text: 'I', key: 'i', on: active.italic, run: () => chain().toggleItalic().run() },
    { label: 'Heading 1', text: 'H1', on: active.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
    { label: 'Heading 2', text: 'H2', on: active.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Heading 3', text: 'H3', on: active.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Bulleted list', text: '•', on: active.bulletList, run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', text: '1.', on: active.orderedList, run: () => chain().toggleOrderedList().run() },
    { label: 'Quote', text: '❝', on: active.blockquote, run: () => chain().toggleBlockquote().run() },
    { label: 'Link', text: 'Link', key: 'k', shift: true, on: active.link, run: onLink }
  ]
  return (
    <div role="toolbar" aria-label="Formatting" className="editor-toolbar">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          aria-label={nameWithVisibleText(b.label, b.text)}
          aria-pressed={b.on}
          title={b.key ? `${b.label} (${b.shift ? 'Shift+' : ''}${shortcutLabel(b.key)})` : b.label}
          onMouseDown={(event) => event.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
      <button type="button" aria-label="Insert image" title="Insert image (PNG, JPEG, GIF or WebP)" onClick={onImage}>
        Image
      </button>
      <button type="button" title={active.image ? 'Alt text of the selected image' : 'Select an image to edit its alt text'} disabled={!active.image} onClick={onAltText}>
        Alt text
      </button>
      <span className="toolbar-gap" />
      <button type="button" aria-label="Find and replace" title={`Find and replace (${shortcutLabel('f')})`} onClick={onFind}>
        Find
      </button>
      <button type="button" aria-label="Undo" title={`Undo (${shortcutLabel('z')})`} disabled={!active.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </button>
      <button type="button" aria-label="Redo" title="Redo" disabled={!active.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </button>
    </div>
  )
}

/**
 * The accessible name holds the visible text when that is a word rather than a symbol ("H1",
 * "1.": WCAG 2.5.3, Label in Name), so a speech user can say what they see: "Heading 1, H1".
 */
function nameWithVisibleText(label: string, text: string): string {
  const spoken = /[\p{L}\p{N}]/u.test(text) && !label.toLowerCase().includes(text.toLowerCase())
  return spoken ? `${label}, ${text}` : label
}
