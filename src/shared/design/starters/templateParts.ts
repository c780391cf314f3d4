import { presetById, type PresetId } from '../presets'
import type { Background, Canvas, Layer, ShapeLayer, TextLayer } from '../types'


// Starter designs, at least one per preset. Every text sits inside its preset's safe zone, fits
// its box by the export's width estimate, and reaches WCAG AA contrast against what is behind
// it (test/unit/shared/design/templates.test.ts checks all three), so a new design starts legible.

/** A starter design; `build` makes fresh layers each time, with ids from `ids`. */
export interface DesignTemplate {
  id: string
  name: string
  presetId: PresetId
  description: string
  build: (ids: () => string) => { canvas: Canvas; layers: Layer[] }
}

/** A layer waiting for its id and stacking order. */
export type LayerSpec = (id: string, z: number) => Layer

type TextSpec = Pick<TextLayer, 'name' | 'text' | 'role' | 'x' | 'y' | 'width' | 'height' | 'fontSize' | 'fill'> &
  Partial<Pick<TextLayer, 'fontFamily' | 'fontWeight' | 'align' | 'lineHeight'>>

type ShapeSpec = Pick<ShapeLayer, 'name' | 'shape' | 'x' | 'y' | 'width' | 'height'> &
  Partial<Pick<ShapeLayer, 'fill' | 'stroke' | 'strokeWidth' | 'cornerRadius' | 'rotation' | 'opacity'>>

export function text(spec: TextSpec): LayerSpec {
  return (id, z) => ({
    type: 'text',
    id,
    z,
    rotation: 0,
    locked: false,
    groupId: null,
    opacity: 1,
    fontFamily: 'Inter',
    fontWeight: 400,
    align: 'left',
    lineHeight: 1.2,
    ...spec
  })
}

export function shape(spec: ShapeSpec): LayerSpec {
  return (id, z) => ({
    type: 'shape',
    id,
    z,
    rotation: 0,
    locked: false,
    groupId: null,
    opacity: 1,
    fill: '#000000',
    stroke: '#000000',
    strokeWidth: 0,
    cornerRadius: 0,
    ...spec
  })
}

/** A template whose layers stack in the order given (the first at the bottom). */
export function template(
  meta: Omit<DesignTemplate, 'build'>,
  background: Background,
  layers: readonly LayerSpec[]
): DesignTemplate {
  const preset = presetById(meta.presetId)
  if (!preset) throw new Error(`Unknown preset ${meta.presetId}`)
  return {
    ...meta,
    build: (ids) => ({
      canvas: { width: preset.width, height: preset.height, presetId: preset.id, background },
      layers: layers.map((spec, index) => spec(ids(), index))
    })
  }
}
