import type Konva from 'konva'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { paletteChanges } from '../../../../shared/design/applyPalette'
import { setCanvas, updateLayers, type LayerPatch } from '../../../../shared/design/designDoc'
import { topZ } from '../../../../shared/design/arrange'
import { newImageLayer, newShapeLayer, newTextLayer } from '../../../../shared/design/newLayers'
import type { Color, Design } from '../../../../shared/design/types'
import { useCore } from '../../app/coreContext'
import type { DocSession } from '../../lib/docSession'
import type { UpdateHold } from '../../lib/updateHold'
import { isModKey } from '../../lib/shortcuts'
import { SaveStatus } from '../drafts/SaveStatus'
import { TitleField } from '../drafts/TitleField'
import { useTouchOnEdit } from '../drafts/useTouchOnEdit'
import { PresenceList } from '../team/PresenceList'
import { SyncBadge } from '../team/SyncBadge'
import { usePresence } from '../team/usePresence'
import { storeImageFiles } from './addImageFiles'
import { ArrangeBar } from './ArrangeBar'
import { CanvasProperties } from './CanvasProperties'
import { DesignAssist } from './DesignAssist'
import { DesignChecks } from './DesignChecks'
import { DesignExport } from './DesignExport'
import { DesignStage } from './DesignStage'
import { DesignToolbar } from './DesignToolbar'
import { whenDesignFontsReady } from './fonts'
import { LayerList } from './LayerList'
import { LayerProperties } from './LayerProperties'
import { LayoutIdeas } from './LayoutIdeas'
import { PalettePanel } from './PalettePanel'
import { designCommands } from './useDesignCommands'
import { useDesignUndo } from './useDesignUndo'
import { useLayerImages } from './useLayerImages'
import { usePeerSelections } from './usePeerSelections'

interface DesignEditorProps {
  index: DocSession
  session: DocSession
  awareness: Awareness
  design: Design
  title: string
  /** Held while a layer is dragged on the canvas. */
  drag: UpdateHold
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }

/** Whether a key press belongs to a form field (typing in one must not move or delete layers). */
function inField(event: { target: EventTarget }): boolean {
  return event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

/** A design open for editing: canvas, tools, layers, properties and export. */
export function DesignEditor({ index, session, awareness, design, title, drag }: DesignEditorProps) {
  const { client } = useCore()
  const doc = session.doc
  const stage = useRef<Konva.Stage>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [problems, setProblems] = useState<string[]>([])
  const [fontsReady, setFontsReady] = useState(false)
  const undo = useDesignUndo(doc)
  const images = useLayerImages(design.layers)
  useTouchOnEdit(index, session)

  useEffect(() => {
    void whenDesignFontsReady().then(() => setFontsReady(true))
  }, [])
  useEffect(() => session.holdFor(drag), [session, drag])

  // Layers a teammate deleted (or an undo removed) leave the selection.
  const layerIds = new Set(design.layers.map((layer) => layer.id))
  const selection = new Set([...selected].filter((id) => layerIds.has(id)))
  const chosen = design.layers.filter((layer) => selection.has(layer.id))
  const peers = usePeerSelections(awareness, [...selection].sort())
  const present = usePresence(session.docId)
  const commands = designCommands(doc, design, selection, setSelected, undo.stopCapturing)

  const addImages = (files: File[]): void => {
    void storeImageFiles(client, files).then(({ images: stored, problems: failed }) => {
      setProblems(failed)
      let z = topZ(design.layers)
      for (const image of stored) commands.add(newImageLayer(crypto.randomUUID(), design.canvas, z++, image))
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (inField(event)) return
    // Shift is part of some shortcuts here (redo, ungroup), so the modifier is checked without it.
    const native = { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: false }
    const arrow = ARROWS[event.key]
    const act = (action: () => void): void => {
      event.preventDefault()
      action()
    }
    if (isModKey(native, 'z')) act(event.shiftKey ? undo.redo : undo.undo)
    else if (isModKey(native, 'y')) act(undo.redo)
    else if (isModKey(native, 'd')) act(commands.duplicate)
    else if (isModKey(native, 'a')) act(commands.selectAll)
    else if (isModKey(native, 'g')) act(event.shiftKey ? commands.ungroup : commands.group)
    else if (event.key === 'Delete' || event.key === 'Backspace') act(commands.remove)
    else if (event.key === 'Escape') act(() => setSelected(new Set()))
    else if (arrow && selection.size > 0) act(() => commands.nudge(arrow[0], arrow[1], event.shiftKey))
  }

  const only = chosen.length === 1 ? chosen[0] : undefined
  const saveSessions = useMemo(() => [session, index], [session, index])

  // Panels that need the design only when a button is pressed read it through a getter, so a
  // drag (a new design on every move) does not re-render them.
  const latest = useRef(design)
  useLayoutEffect(() => {
    latest.current = design
  })
  const getDesign = useCallback(() => latest.current, [])
  const { stopCapturing } = undo
  const applyPalette = useCallback(
    (colors: Color[]) => {
      const { background, patches } = paletteChanges(latest.current, colors)
      stopCapturing()
      doc.transact(() => {
        setCanvas(doc, { background })
        updateLayers(doc, patches)
      })
    },
    [doc, stopCapturing]
  )
  const applyLayout = useCallback(
    (patches: LayerPatch[]) => {
      stopCapturing()
      updateLayers(doc, patches)
    },
    [doc, stopCapturing]
  )
  const onlyImage = only?.type === 'image' ? images.get(only.blobHash) : undefined
  const imageName = only?.type === 'image' ? only.name : ''
  const selectedImage = useMemo(() => (onlyImage ? { name: imageName, element: onlyImage } : null), [onlyImage, imageName])
  return (
    <div
      className="design-editor"
      onKeyDown={onKeyDown}
      onPaste={(event) => {
        if (inField(event)) return
        const files = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'))
        if (files.length === 0) return
        event.preventDefault()
        addImages(files)
      }}
    >
      <div className="design-header">
        <TitleField index={index} draftId={session.docId} />
        <SaveStatus sessions={saveSessions} />
        <SyncBadge docId={session.docId} label="Design sync" />
        <PresenceList peers={present} label="Also in this design" />
      </div>
      <DesignToolbar
        undo={undo}
        hasSelection={chosen.length > 0}
        onAddText={() => commands.add(newTextLayer(crypto.randomUUID(), design.canvas, topZ(design.layers)))}
        onAddShape={(shape) => commands.add(newShapeLayer(crypto.randomUUID(), design.canvas, topZ(design.layers), shape))}
        onAddImages={addImages}
      />
      <ArrangeBar chosen={chosen} commands={commands} />
      {problems.length > 0 ? (
        <ul role="alert" className="inline-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {design.unreadable.length > 0 ? (
        <p role="alert" className="inline-error">
          {design.unreadable.length === 1 ? 'One layer is' : `${design.unreadable.length} layers are`} damaged and not shown. Restore an earlier version from History
          to get {design.unreadable.length === 1 ? 'it' : 'them'} back.
        </p>
      ) : null}
      <div className="design-body">
        {/* The canvas takes keyboard focus so Delete, arrows and the shortcuts act on the selection. */}
        <div className="design-canvas" tabIndex={0} role="application" aria-label="Design canvas" data-fonts-ready={fontsReady}>
          {/* Drawn once the bundled fonts are in: Konva wraps text by the font it measures with. */}
          {fontsReady ? (
            <DesignStage
              design={design}
              images={images}
              selected={selection}
              peers={peers}
              onSelect={commands.pick}
              onChange={(patches) => updateLayers(doc, patches)}
              onGesture={undo.stopCapturing}
              dragHold={drag}
              stageRef={stage}
            />
          ) : (
            <p role="status">Loading fonts…</p>
          )}
        </div>
        <aside className="design-inspector" aria-label="Inspector">
          {only ? (
            <LayerProperties layer={only} onChange={(changes) => updateLayers(doc, [{ id: only.id, changes }])} />
          ) : chosen.length === 0 ? (
            <CanvasProperties canvas={design.canvas} onChange={(changes) => setCanvas(doc, changes)} />
          ) : (
            <p className="field-note">{chosen.length} layers selected</p>
          )}
          <LayerList layers={design.layers} selected={selection} peers={peers} onPick={commands.pick} />
          <DesignAssist
            design={design}
            layer={only}
            onSetText={(id, text) => {
              undo.stopCapturing()
              updateLayers(doc, [{ id, changes: { text } }])
            }}
            onSetAlt={(id, alt) => {
              undo.stopCapturing()
              updateLayers(doc, [{ id, changes: { alt } }])
            }}
          />
          <DesignChecks
            design={design}
            onPick={(id) => commands.pick(id, false)}
            onFixColour={(id, fill) => {
              undo.stopCapturing()
              updateLayers(doc, [{ id, changes: { fill } }])
            }}
          />
          <PalettePanel image={selectedImage} onApply={applyPalette} />
          <LayoutIdeas getDesign={getDesign} onApply={applyLayout} />
          <DesignExport getDesign={getDesign} title={title} images={images} />
        </aside>
      </div>
    </div>
  )
}
