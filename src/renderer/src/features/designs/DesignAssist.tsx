import type { Design, Layer } from '../../../../shared/design/types'
import { CopyVariants } from './CopyVariants'
import { DescribeImage } from './DescribeImage'
import './designAssist.css'

interface DesignAssistProps {
  design: Design
  /** The one selected layer, or undefined (nothing or several selected). */
  layer: Layer | undefined
  onSetText: (layerId: string, text: string) => void
  onSetAlt: (layerId: string, alt: string) => void
}

/**
 * AI help for the selected layer: copy variants for text (through the AI router, so cloud, then
 * local model, then rules) and alt text for images (a cloud model that can see images, else the
 * local captioning model). Each layer gets its own fresh state: selecting another layer drops the
 * old suggestions and stops a running one.
 */
export function DesignAssist({ design, layer, onSetText, onSetAlt }: DesignAssistProps) {
  if (!layer || layer.type === 'shape') return null
  return (
    <section className="design-assist" aria-labelledby="design-assist-heading">
      <h2 id="design-assist-heading">AI help</h2>
      {layer.type === 'text' ? (
        <CopyVariants key={layer.id} design={design} layer={layer} onSetText={onSetText} />
      ) : (
        <DescribeImage key={layer.id} layer={layer} onSetAlt={onSetAlt} />
      )}
    </section>
  )
}
