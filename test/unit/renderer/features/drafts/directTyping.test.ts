// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DirectTyping } from '../../../../../src/renderer/src/features/drafts/directTyping'
import { DRAFT_BODY_FIELD } from '../../../../../src/shared/editor/fields'
import { draftExtensions } from '../../../../../src/shared/editor/extensions'

let editor: Editor | null = null
afterEach(() => editor?.destroy())

function openEditor(doc: Y.Doc): Editor {
  const element = document.createElement('div')
  document.body.replaceChildren(element)
  editor = new Editor({
    element,
    extensions: [...draftExtensions, Collaboration.configure({ document: doc, field: DRAFT_BODY_FIELD }), DirectTyping]
  })
  return editor
}

/** A key typed as the browser reports it: ProseMirror calls handleKeyPress with the keypress event. */
function press(target: Editor, key: string): boolean {
  const event = new KeyboardEvent('keypress', { key, charCode: key.charCodeAt(0), cancelable: true })
  Object.defineProperty(event, 'charCode', { value: key.charCodeAt(0) })
  return target.view.someProp('handleKeyPress', (handle) => handle(target.view, event)) ?? false
}

/** Puts the caret (or selection) there, in the editor and the page, as a click would. */
function select(target: Editor, from: number, to = from): void {
  target.commands.setTextSelection({ from, to })
  target.view.focus()
}

function storedText(doc: Y.Doc): string {
  return doc.getXmlFragment(DRAFT_BODY_FIELD).toDOM().textContent ?? ''
}

describe('DirectTyping', () => {
  it('puts each typed key into the shared document once, before the editor shows it, at the caret', () => {
    const doc = new Y.Doc()
    const typing = openEditor(doc)
    typing.commands.setContent('<p>Hi</p>')
    select(typing, 3)
    const shownWhenSent: string[] = []
    doc.on('update', () => shownWhenSent.push(typing.state.doc.textContent))

    for (const key of ' yo!') expect(press(typing, key)).toBe(true)

    expect(typing.state.doc.textContent).toBe('Hi yo!')
    expect(storedText(doc)).toBe('Hi yo!')
    // One update per key, each written while the editor still showed the text before it.
    expect(shownWhenSent).toEqual(['Hi', 'Hi ', 'Hi y', 'Hi yo'])
  })

  it('replaces a selection with the typed key', () => {
    const doc = new Y.Doc()
    const typing = openEditor(doc)
    typing.commands.setContent('<p>Hello world</p>')
    select(typing, 7, 12)
    press(typing, 'W')
    expect(typing.state.doc.textContent).toBe('Hello W')
    expect(storedText(doc)).toBe('Hello W')
  })

  it('leaves input rules working: "# " at the start of a line makes a heading, in the editor and the shared document', () => {
    const doc = new Y.Doc()
    const typing = openEditor(doc)
    typing.commands.setContent('<p>Body</p>')
    select(typing, 1)
    press(typing, '#')
    press(typing, ' ')
    // (TipTap keeps an empty paragraph after a heading at the end, so the caret can leave it.)
    expect(typing.getHTML()).toBe('<h1>Body</h1><p></p>')
    expect(doc.getXmlFragment(DRAFT_BODY_FIELD).toJSON()).toBe('<heading level="1">Body</heading><paragraph></paragraph>')
  })

  it('leaves Enter and characters outside the Basic Multilingual Plane to the browser', () => {
    const typing = openEditor(new Y.Doc())
    typing.commands.setContent('<p>Hi</p>')
    expect(press(typing, '\r')).toBe(false)
    const emoji = new KeyboardEvent('keypress', { key: '🙂' })
    expect(typing.view.someProp('handleKeyPress', (handle) => handle(typing.view, emoji)) ?? false).toBe(false)
    expect(typing.state.doc.textContent).toBe('Hi')
  })
})
