import Collaboration from '@tiptap/extension-collaboration'
import type { Awareness } from 'y-protocols/awareness'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react'
import { useCore } from '../../app/coreContext'
import { DRAFT_BODY_FIELD } from '../../../../shared/editor/fields'
import { draftExtensions } from '../../../../shared/editor/extensions'
import type { DocSession } from '../../lib/docSession'
import { FindHighlight } from '../find/findHighlight'
import { FindBar } from '../find/FindBar'
import { HistoryDialog } from '../history/HistoryDialog'
import { cleanPastedHtml } from '../paste/cleanPastedHtml'
import { createSpellcheck } from '../spellcheck/spellcheckExtension'
import { SpellMenu } from '../spellcheck/SpellMenu'
import { useSpellClient } from '../spellcheck/useSpellClient'
import { EditorToolbar } from './EditorToolbar'
import { AltTextDialog } from './images/AltTextDialog'
import { createBlobImage } from './images/blobImage'
import { IMAGE_ACCEPT, insertImages, isImageFile } from './images/insertImages'
import { LinkDialog } from './LinkDialog'
import { PrivacySwitch, useDraftLocalOnly } from './PrivacySwitch'
import { SaveStatus } from './SaveStatus'
import { PresenceList } from '../team/PresenceList'
import { SyncBadge } from '../team/SyncBadge'
import { usePresence } from '../team/usePresence'
import { createPeerCursors } from './peerCursors'
import { DirectTyping } from './directTyping'
import { TitleField } from './TitleField'
import { useTouchOnEdit } from './useTouchOnEdit'
import { useWordCount } from './useWordCount'

interface DraftEditorProps {
  index: DocSession
  draft: DocSession
  /** The draft room's presence: teammates' carets and selections. */
  awareness: Awareness
  onWordCount: (words: number) => void
  /** Tells the assistant which editor it works on, and whether this draft must stay local. */
  onAssistTarget: (target: { editor: Editor; localOnly: boolean } | null) => void
  workspaceLocalOnly: boolean
}

export function DraftEditor({ index, draft, awareness, onWordCount, onAssistTarget, workspaceLocalOnly }: DraftEditorProps) {
  const { client } = useCore()
  const spell = useSpellClient()
  const imageInput = useRef<HTMLInputElement>(null)
  const saveSessions = useMemo(() => [index, draft], [index, draft])
  const [imageProblems, setImageProblems] = useState<string[]>([])
  // Paste and drop handlers are created with the editor, before it exists.
  const addImages = useRef<(files: File[], position?: number) => void>(() => undefined)
  const [linkOpen, setLinkOpen] = useState(false)
  const [altTextOpen, setAltTextOpen] = useState(false)
  const [findOpen, setFindOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [showProvenance, setShowProvenance] = useState(false)
  const localOnly = useDraftLocalOnly(index, draft.docId) || workspaceLocalOnly
  const present = usePresence(draft.docId)
  const editor = useEditor(
    {
      // TipTap would inject a <style> element, which the CSP forbids; styles.css has the rules.
      injectCSS: false,
      extensions: [
        ...draftExtensions.filter((extension) => extension.name !== 'image'),
        createBlobImage(client),
        Collaboration.configure({ document: draft.doc, field: DRAFT_BODY_FIELD }),
        createPeerCursors(awareness),
        Placeholder.configure({ placeholder: 'Start writing…' }),
        FindHighlight,
        createSpellcheck(spell),
        DirectTyping
      ],
      editorProps: {
        transformPastedHTML: cleanPastedHtml,
        handlePaste: (_view, event) => {
          const files = [...(event.clipboardData?.files ?? [])].filter(isImageFile)
          if (files.length === 0) return false
          addImages.current(files)
          return true
        },
        handleDrop: (view, event, _slice, moved) => {
          const files = moved ? [] : [...(event.dataTransfer?.files ?? [])].filter(isImageFile)
          if (files.length === 0) return false
          addImages.current(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos)
          return true
        },
        attributes: {
          'aria-label': 'Draft text',
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'draft-body'
        }
      }
    },
    [draft, spell, client]
  )

  useEffect(() => {
    addImages.current = (files, position) => {
      void insertImages(client, editor, files, position).then(setImageProblems)
    }
  }, [client, editor])

  useEffect(() => {
    onAssistTarget({ editor, localOnly })
    return () => onAssistTarget(null)
  }, [editor, localOnly, onAssistTarget])

  const onImageFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    addImages.current(files)
  }

  useTouchOnEdit(index, draft)
  useWordCount(editor, onWordCount)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.metaKey || event.ctrlKey) || event.altKey) return
      const key = event.key.toLowerCase()
      if (event.shiftKey && key === 'k') setLinkOpen(true)
      else if (!event.shiftKey && key === 'f') setFindOpen(true)
      else return
      event.preventDefault()
    }
    const dom = editor.view.dom
    dom.addEventListener('keydown', onKeyDown)
    return () => dom.removeEventListener('keydown', onKeyDown)
  }, [editor])

  return (
    <article className="draft-editor" aria-label="Draft">
      <header className="draft-header">
        <TitleField index={index} draftId={draft.docId} />
        <SaveStatus sessions={saveSessions} />
        <SyncBadge docId={draft.docId} label="Draft sync" />
        <PresenceList peers={present} label="Also in this draft" />
        <PrivacySwitch index={index} draftId={draft.docId} workspaceLocalOnly={workspaceLocalOnly} />
        <button type="button" className="small" aria-pressed={showProvenance} onClick={() => setShowProvenance((on) => !on)}>
          Show AI text
        </button>
        <button type="button" className="small" onClick={() => setHistoryOpen(true)}>
          History
        </button>
      </header>
      <EditorToolbar editor={editor} onLink={() => setLinkOpen(true)} onFind={() => setFindOpen(true)} onImage={() => imageInput.current?.click()} onAltText={() => setAltTextOpen(true)} />
      <input ref={imageInput} type="file" accept={IMAGE_ACCEPT} multiple hidden tabIndex={-1} aria-label="Image to insert" onChange={onImageFile} />
      {imageProblems.length > 0 ? (
        <div role="alert" className="notice">
          {imageProblems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
          <button type="button" className="link-button" onClick={() => setImageProblems([])}>
            Dismiss
          </button>
        </div>
      ) : null}
      {findOpen ? (
        <FindBar
          editor={editor}
          onClose={() => {
            setFindOpen(false)
            editor.commands.focus()
          }}
        />
      ) : null}
      <EditorContent editor={editor} className={showProvenance ? 'draft-content show-provenance' : 'draft-content'} />
      <SpellMenu editor={editor} client={spell} />
      <HistoryDialog open={historyOpen} onClose={() => setHistoryOpen(false)} editor={editor} draft={draft} />
      <AltTextDialog
        open={altTextOpen}
        client={client}
        src={(editor.getAttributes('image').src as string | undefined) ?? ''}
        initial={(editor.getAttributes('image').alt as string | undefined) ?? ''}
        localOnly={localOnly}
        onClose={() => setAltTextOpen(false)}
        onApply={(alt) => {
          setAltTextOpen(false)
          editor.chain().focus().updateAttributes('image', { alt }).run()
        }}
      />
      <LinkDialog
        open={linkOpen}
        initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
        onClose={() => setLinkOpen(false)}
        onApply={(href) => {
          setLinkOpen(false)
          const chain = editor.chain().focus().extendMarkRange('link')
          if (href) chain.setLink({ href }).run()
          else chain.unsetLink().run()
        }}
      />
    </article>
  )
}
