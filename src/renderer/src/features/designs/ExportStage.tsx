import type Konva from 'konva'
import { useEffect, useRef } from 'react'
import { Layer as KonvaLayer, Stage } from 'react-konva'
import type { Design } from '../../../../shared/design/types'
import { BackgroundNode, LayerNode } from './DesignNodes'

interface ExportStageProps {
  design: Design
  images: ReadonlyMap<string, HTMLImageElement>
  onReady: (stage: Konva.Stage) => void
}

/** The design at 1:1 with no handles or guides, for export; reports its stage once drawn. */
export function ExportStage({ design, images, onReady }: ExportStageProps) {
  const stage = useRef<Konva.Stage>(null)
  useEffect(() => {
    if (stage.current) onReady(stage.current)
  }, [onReady])
  return (
    <Stage ref={stage} width={design.canvas.width} height={design.canvas.height}>
      <KonvaLayer>
        <BackgroundNode canvas={design.canvas} background={design.canvas.background} />
        {design.layers.map((layer) => (
          <LayerNode key={layer.id} layer={layer} image={layer.type === 'image' ? images.get(layer.blobHash) : undefined} />
        ))}
      </KonvaLayer>
    </Stage>
  )
}
