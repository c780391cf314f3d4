import Konva from 'konva'
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { Group, Layer as KonvaLayer, Rect, Stage, Text, Transformer } from 'react-konva'
import { layerBounds, unionOfBoxes } from '../../../../shared/design/layerBounds'
import type { LayerPatch } from '../../../../shared/design/designDoc'
import type { PeerSelection } from '../../../../shared/design/peerSelections'
import { PEER_COLOURS } from '../../../../shared/sync/presence'
import { snapBox, type Guide } from '../../../../shared/design/snapping'
import type { Design, Layer } from '../../../../shared/design/types'
import type { UpdateHold } from '../../lib/updateHold'
import { BackgroundNode, LayerNode, type LayerHandlers } from './DesignNodes'
import { liftForDrag } from './dragLayers'

/** How close (in screen pixels) a dragged layer's edge or centre must come to a guide to snap. */
const SNAP_SCREEN_PX = 6

interface DesignStageProps {
  design: Design
  images: ReadonlyMap<string, HTMLImageElement>
  selected: ReadonlySet<string>
  /** Teammates' selections, outlined in their colours with their names. */
  peers: readonly PeerSelection[]
  onSelect: (id: string | null, additive: boolean) => void
  onChange: (patches: LayerPatch[]) => void
  /** A drag or transform begins or ends: one undo step each. */
  onGesture: () => void
  /** Held from a drag's start to its end: the editor then renders less often, and the stage moves the dragged layers itself. */
  dragHold: UpdateHold
  stageRef: RefObject<Konva.Stage | null>
}

interface DragStart {
  id: string
  origins: Map<string, { x: number; y: number }>
  /** The other selected layers' nodes, moved along with the one under the pointer. */
  companions: Map<string, Konva.Node>
  others: Layer[]
}

/** The canvas, scaled to fit its pane, with selection handles, dragging and snapping guides. */
export function DesignStage({ design, images, selected, peers, onSelect, onChange, onGesture, dragHold, stageRef }: DesignStageProps) {
  const { canvas, layers } = design
  const frame = useRef<HTMLDivElement>(null)
  const transformer = useRef<Konva.Transformer>(null)
  const drag = useRef<DragStart | null>(null)
  const [available, setAvailable] = useState({ width: 800, height: 600 })
  // The snapping guides are drawn straight into this group: they come and go on many moves of a
  // drag, and a React render of the stage for each would cost more than the move itself.
  const guideGroup = useRef<Konva.Group>(null)
  const shownGuides = useRef<readonly Guide[]>([])
  const showGuides = (guides: readonly Guide[]): void => {
    const group = guideGroup.current
    if (!group || sameGuides(shownGuides.current, guides)) return
    shownGuides.current = guides
    group.destroyChildren()
    for (const guide of guides) group.add(guideLine(guide, canvas, scale))
    group.getLayer()?.batchDraw()
  }

  useEffect(() => {
    const element = frame.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setAvailable({ width: entry.contentRect.width, height: entry.contentRect.height })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const scale = Math.min(1, Math.max(0.05, Math.min(available.width / canvas.width, available.height / canvas.height)))

  // The handles go on the selected layers that are not locked.
  const selectedKey = [...selected].sort().join(',')
  useEffect(() => {
    const stage = stageRef.current
    const handles = transformer.current
    if (!stage || !handles) return
    const nodes = layers
      .filter((layer) => selected.has(layer.id) && !layer.locked)
      .flatMap((layer) => {
        // By a function, not a '#id' selector: Konva's selectors are not CSS and ids may start with a digit.
        const node = stage.findOne((candidate: Konva.Node) => candidate.id() === layer.id)
        return node ? [node] : []
      })
    handles.nodes(nodes)
    handles.getLayer()?.batchDraw()
    // The layers array changes on every edit; only the selection and the set of layers matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey, layers.length, stageRef])

  // Pressing on a layer of a selection of several keeps them all, so the press can drag them
  // together; released without dragging, it selects that layer alone.
  const narrowTo = useRef<string | null>(null)
  /** Puts the dragged layers back among the others (see liftForDrag). */
  const settle = useRef<(() => void) | null>(null)
  // Unmounted mid-drag (the design closed): the editor goes back to following every change.
  useEffect(
    () => () => {
      settle.current?.()
      dragHold.end()
    },
    [dragHold]
  )

  const onDragStart = (event: Konva.KonvaEventObject<DragEvent>): void => {
    onGesture()
    narrowTo.current = null
    dragHold.begin()
    const id = event.target.id()
    // Locked layers in the selection stay where they are.
    const locked = new Set(layers.filter((l) => l.locked).map((l) => l.id))
    const moving = selected.has(id) ? new Set([...selected].filter((other) => !locked.has(other))) : new Set([id])
    const companions = new Map<string, Konva.Node>()
    for (const other of moving) {
      const node = other === id ? undefined : event.target.getStage()?.findOne((candidate: Konva.Node) => candidate.id() === other)
      if (node) companions.set(other, node)
    }
    drag.current = {
      id,
      origins: new Map(layers.filter((l) => moving.has(l.id)).map((l) => [l.id, { x: l.x, y: l.y }])),
      companions,
      others: layers.filter((l) => !moving.has(l.id))
    }
    settle.current?.()
    settle.current = liftForDrag([event.target, ...companions.values()])
  }

  const onDragMove = (event: Konva.KonvaEventObject<DragEvent>): void => {
    const start = drag.current
    const origin = start?.origins.get(event.target.id())
    if (!start || !origin) return
    let dx = event.target.x() - origin.x
    let dy = event.target.y() - origin.y
    const moved = layers.filter((l) => start.origins.has(l.id)).map((l) => {
      const from = start.origins.get(l.id) ?? l
      return layerBounds({ ...l, x: from.x + dx, y: from.y + dy })
    })
    const snap = snapBox(unionOfBoxes(moved), canvas, start.others, SNAP_SCREEN_PX / scale)
    dx += snap.dx
    dy += snap.dy
    showGuides(snap.guides)
    event.target.position({ x: origin.x + dx, y: origin.y + dy })
    // React draws the moved layers only a few times a second during a drag (see UpdateHold).
    for (const [id, node] of start.companions) {
      const from = start.origins.get(id)
      if (from) node.position({ x: from.x + dx, y: from.y + dy })
    }
    onChange([...start.origins].map(([id, from]) => ({ id, changes: { x: round(from.x + dx), y: round(from.y + dy) } })))
  }

  const onDragEnd = (): void => {
    drag.current = null
    settle.current?.()
    settle.current = null
    showGuides([])
    onGesture()
    dragHold.end()
  }

  const onTransformEnd = (event: Konva.KonvaEventObject<Event>): void => {
    const node = event.target
    const layer = layers.find((l) => l.id === node.id())
    if (!layer) return
    const width = Math.max(1, layer.width * node.scaleX())
    const height = layer.type === 'shape' && layer.shape === 'line' ? layer.height * node.scaleY() : Math.max(1, layer.height * node.scaleY())
    node.scale({ x: 1, y: 1 })
    onChange([{ id: layer.id, changes: { x: round(node.x()), y: round(node.y()), width: round(width), height: round(height), rotation: round(node.rotation()) } }])
  }

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>): void => {
    const id = event.target.id()
    const additive = event.evt.shiftKey || event.evt.metaKey || event.evt.ctrlKey
    narrowTo.current = !additive && selected.size > 1 && selected.has(id) ? id : null
    if (narrowTo.current === null) onSelect(id, additive)
  }
  const onPointerUp = (): void => {
    if (narrowTo.current !== null) onSelect(narrowTo.current, false)
    narrowTo.current = null
  }

  // The layer nodes get handlers that never change identity (they call the latest ones), so a
  // render during a drag re-renders only the layers that changed, not all fifty.
  const latest = useRef({ onPointerDown, onPointerUp, onDragStart, onDragMove, onDragEnd, onTransformEnd })
  useLayoutEffect(() => {
    latest.current = { onPointerDown, onPointerUp, onDragStart, onDragMove, onDragEnd, onTransformEnd }
  })
  const handlers = useMemo<LayerHandlers>(
    () => ({
      onPointerDown: (event) => latest.current.onPointerDown(event),
      onPointerUp: () => latest.current.onPointerUp(),
      onDragStart: (event) => latest.current.onDragStart(event),
      onDragMove: (event) => latest.current.onDragMove(event),
      onDragEnd: () => latest.current.onDragEnd(),
      onTransformEnd: (event) => latest.current.onTransformEnd(event)
    }),
    []
  )

  return (
    <div ref={frame} className="design-stage-frame">
      <Stage
        ref={stageRef}
        className="design-stage"
        width={Math.round(canvas.width * scale)}
        height={Math.round(canvas.height * scale)}
        scaleX={scale}
        scaleY={scale}
        onPointerDown={(event) => {
          // A press on the background (or outside every layer) clears the selection.
          if (event.target === event.target.getStage() || event.target.name() === 'background') onSelect(null, false)
        }}
      >
        <KonvaLayer>
          <BackgroundNode canvas={canvas} background={canvas.background} />
          {layers.map((layer) => (
            <LayerNode
              key={layer.id}
              layer={layer}
              image={layer.type === 'image' ? images.get(layer.blobHash) : undefined}
              handlers={handlers}
            />
          ))}
        </KonvaLayer>
        <KonvaLayer name="overlay">
          {peers.flatMap((peer) =>
            layers
              .filter((layer) => peer.layerIds.includes(layer.id))
              .map((layer) => {
                const box = layerBounds(layer)
                const colour = PEER_COLOURS[peer.colour]
                return (
                  <Fragment key={`${peer.clientId}-${layer.id}`}>
                    <Rect x={box.x} y={box.y} width={box.width} height={box.height} stroke={colour} strokeWidth={2 / scale} listening={false} />
                    <Text x={box.x} y={box.y - 16 / scale} text={peer.name} fontSize={12 / scale} fill={colour} fontFamily="Inter" listening={false} />
                  </Fragment>
                )
              })
          )}
          <Group ref={guideGroup} listening={false} />
          <Transformer ref={transformer} rotateEnabled keepRatio={false} ignoreStroke flipEnabled={false} onTransformStart={onGesture} onTransformEnd={onGesture} />
        </KonvaLayer>
      </Stage>
    </div>
  )
}

function guideLine(guide: Guide, canvas: { width: number; height: number }, scale: number): Konva.Line {
  return new Konva.Line({
    points: guide.orientation === 'vertical' ? [guide.position, 0, guide.position, canvas.height] : [0, guide.position, canvas.width, guide.position],
    stroke: '#e5369a',
    strokeWidth: 1 / scale,
    dash: [6 / scale, 4 / scale],
    listening: false
  })
}

function sameGuides(a: readonly Guide[], b: readonly Guide[]): boolean {
  return a.length === b.length && a.every((guide, i) => {
    const other = b[i]
    return other !== undefined && guide.orientation === other.orientation && guide.position === other.position
  })
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
