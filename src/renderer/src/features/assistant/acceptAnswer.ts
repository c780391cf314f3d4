import type { JSONContent } from '@tiptap/core'
import type { Editor } from '@tiptap/react'
import type { AssistantAction } from '../../../../shared/ai/actions'
import { endUndoStep } from '../drafts/endUndoStep'
import type { AnswerPart } from './useAssist'

/** What the assistant was asked about: the selection, or the whole draft when nothing was selected. */
export interface AssistTarget {
  from: number
  to: number
  whole: boolean
  text: string
}

export function targetOf(editor: Editor): AssistTarget {
  const { from, to, empty } = editor.state.selection
  const doc = editor.state.doc
  if (empty) return { from: 0, to: doc.content.size, whole: true, text: doc.textBetween(0, doc.content.size, '\n\n').trim() }
  return { from, to, whole: false, text: doc.textBetween(from, to, '\n\n') }
}

/** Actions whose answer goes after the text rather than replacing it. */
export function insertsBelow(action: AssistantAction): boolean {
  return action === 'continue' || action === 'headlines' || action === 'summarize'
}

function textNodes(parts: readonly { text: string; by: string }[]): JSONContent[] {
  return parts.filter((part) => part.text).map((part) => ({ type: 'text', text: part.text, marks: [{ type: 'provenance', attrs: { by: part.by } }] }))
}

/** The answer as editor content, each stretch marked with the provider that wrote it; lines become paragraphs. */
function answerBlocks(parts: readonly AnswerPart[]): JSONContent[][] {
  const paragraphs: { text: string; by: string }[][] = [[]]
  for (const part of parts) {
    part.text.split('\n').forEach((line, i) => {
      if (i > 0) paragraphs.push([])
      paragraphs.at(-1)?.push({ text: line, by: part.by })
    })
  }
  return paragraphs.map(textNodes).filter((nodes) => nodes.length > 0)
}

/**
 * Puts an accepted answer into the draft: replacing what was asked about, or below it. A
 * one-line answer replacing part of a paragraph stays inline. It goes in as one editor transaction,
 * and one undo step of its own (not merged with typing just before or after it).
 */
export function acceptAnswer(editor: Editor, target: AssistTarget, parts: readonly AnswerPart[], action: AssistantAction): void {
  const blocks = answerBlocks(parts)
  if (blocks.length === 0) return
  endUndoStep(editor)
  insertAnswer(editor, target, blocks, action)
  endUndoStep(editor)
}

function insertAnswer(editor: Editor, target: AssistTarget, blocks: JSONContent[][], action: AssistantAction): void {
  const size = editor.state.doc.content.size
  const from = Math.min(target.from, size)
  const to = Math.min(target.to, size)
  const paragraphs = blocks.map((content) => ({ type: 'paragraph', content }))
  if (insertsBelow(action)) {
    const at = target.whole ? size : editor.state.doc.resolve(to).after(1)
    editor.chain().focus().insertContentAt(at, paragraphs).run()
    return
  }
  if (target.whole) {
    editor.chain().focus().insertContentAt({ from: 0, to: size }, paragraphs).run()
    return
  }
  const inline = blocks.length === 1 ? (blocks[0] ?? []) : paragraphs
  editor.chain().focus().insertContentAt({ from, to }, inline).run()
}
