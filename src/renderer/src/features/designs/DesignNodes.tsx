import type Konva from 'konva'
import { memo } from 'react'
import { Ellipse, Image, Line, Rect, Text } from 'react-konva'
import { linearGradientLine } from '../../../../shared/design/svgExport'
import type { Background, Canvas, Layer } from '../../../../shared/design/types'

export function BackgroundNode({ canvas, background }: { canvas: Canvas; background: Background }) {
  if (background.kind === 'solid') return <Rect name="background" width={canvas.width} height={canvas.height} fill={background.color} listening={false} />
  // The same line as the SVG export's, so both draw the gradient alike.
  const { x1, y1, x2, y2 } = linearGradientLine(background.angle, canvas.width, canvas.height)
  return (
    <Rect
      name="background"
      width={canvas.width}
      height={canvas.height}
      fillLinearGradientStartPoint={{ x: x1, y: y1 }}
      fillLinearGradientEndPoint={{ x: x2, y: y2 }}
      fillLinearGradientColorStops={[0, background.from, 1, background.to]}
      listening={false}
    />
  )
}

/** What the editor listens to on every layer node (the export draws the same nodes without them). */
export interface LayerHandlers {
  onPointerDown: (event: Konva.KonvaEventObject<PointerEvent>) => void
  onPointerUp: () => void
  onDragStart: (event: Konva.KonvaEventObject<DragEvent>) => void
  onDragMove: (event: Konva.KonvaEventObject<DragEvent>) => void
  onDragEnd: (event: Konva.KonvaEventObject<DragEvent>) => void
  onTransformEnd: (event: Konva.KonvaEventObject<Event>) => void
}

interface LayerNodeProps {
  layer: Layer
  image: HTMLImageElement | undefined
  handlers?: LayerHandlers
}

/** Layers are flat records read afresh on every change: equal fields mean nothing to redraw. */
function sameLayer(a: Layer, b: Layer): boolean {
  const keys = Object.keys(a) as (keyof Layer)[]
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** One layer as a Konva node, its id as the node's id (the transformer and the drag find it by that). */
export const LayerNode = memo(
  function LayerNode({ layer, image, handlers }: LayerNodeProps) {
    const common = {
      id: layer.id,
      name: 'layer',
      x: layer.x,
      y: layer.y,
      rotation: layer.rotation,
      opacity: layer.opacity,
      listening: handlers !== undefined,
      draggable: handlers !== undefined && !layer.locked,
      ...handlers
    }
    switch (layer.type) {
      case 'text':
        return (
          <Text
            {...common}
            width={layer.width}
            height={layer.height}
            text={layer.text}
            fontFamily={layer.fontFamily}
            fontSize={layer.fontSize}
            fontStyle={layer.fontWeight === 700 ? 'bold' : 'normal'}
            fill={layer.fill}
            align={layer.align}
            lineHeight={layer.lineHeight}
            wrap="word"
          />
        )
      case 'image':
        // A missing image (not fetched yet) is drawn as a placeholder box of its size.
        return image ? (
          <Image {...common} image={image} width={layer.width} height={layer.height} />
        ) : (
          <Rect {...common} width={layer.width} height={layer.height} fill="#d9d9d9" stroke="#8a8a8a" strokeWidth={2} dash={[12, 8]} />
        )
      case 'shape':
        if (layer.shape === 'rect') {
          return <Rect {...common} width={layer.width} height={layer.height} fill={layer.fill} stroke={layer.stroke} strokeWidth={layer.strokeWidth} strokeEnabled={layer.strokeWidth > 0} cornerRadius={layer.cornerRadius} />
        }
        if (layer.shape === 'ellipse') {
          // Konva centres ellipses on (x, y); the model's box starts at the top-left corner.
          return (
            <Ellipse
              {...common}
              radiusX={layer.width / 2}
              radiusY={layer.height / 2}
              offsetX={-layer.width / 2}
              offsetY={-layer.height / 2}
              fill={layer.fill}
              stroke={layer.stroke}
              strokeWidth={layer.strokeWidth}
              strokeEnabled={layer.strokeWidth > 0}
            />
          )
        }
        return <Line {...common} points={[0, 0, layer.width, layer.height]} stroke={layer.stroke} strokeWidth={Math.max(1, layer.strokeWidth)} hitStrokeWidth={Math.max(12, layer.strokeWidth)} lineCap="round" />
    }
  },
  (a, b) => a.image === b.image && a.handlers === b.handlers && sameLayer(a.layer, b.layer)
)
