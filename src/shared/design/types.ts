import { z } from 'zod'
import { MAX_CANVAS_SIDE, MIN_CANVAS_SIDE } from './presets'

// The design model as read from a design's Y.Doc. Everything a peer can write is parsed with
// these schemas, so a malformed layer is skipped (and reported), never drawn half-way.

/** A colour as #rrggbb (the canvas, SVG and the contrast checks all read this one form). */
export const ColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i)
export type Color = z.infer<typeof ColorSchema>

const coordinate = z.number().min(-100_000).max(100_000)
const length = z.number().min(0).max(100_000)

export const BackgroundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('solid'), color: ColorSchema }),
  /** A linear gradient from `from` to `to`, at `angle` degrees (0 = left to right, 90 = top to bottom). */
  z.object({ kind: z.literal('linear'), from: ColorSchema, to: ColorSchema, angle: z.number().min(-360).max(360) })
])
export type Background = z.infer<typeof BackgroundSchema>

export const CanvasSchema = z.object({
  width: z.number().int().min(MIN_CANVAS_SIDE).max(MAX_CANVAS_SIDE),
  height: z.number().int().min(MIN_CANVAS_SIDE).max(MAX_CANVAS_SIDE),
  /** The preset the size came from, or null for a custom size. */
  presetId: z.string().max(40).nullable(),
  background: BackgroundSchema
})
export type Canvas = z.infer<typeof CanvasSchema>

const layerBase = {
  id: z.string().min(1).max(64),
  /** What the layer is called in the layers list. */
  name: z.string().max(200),
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  /** Degrees clockwise around the layer's top-left corner (as Konva and SVG rotate). */
  rotation: z.number().min(-3600).max(3600),
  /** Stacking order: higher is drawn later (on top). Fractional, so a reorder writes one number. */
  z: z.number(),
  locked: z.boolean(),
  /** Layers with the same group id are selected and moved together. */
  groupId: z.string().max(64).nullable(),
  opacity: z.number().min(0).max(1)
}

/** What a text layer is for: the hierarchy layout suggestions and copy variants work from. */
export const TextRoleSchema = z.enum(['headline', 'subline', 'cta', 'body'])
export type TextRole = z.infer<typeof TextRoleSchema>

export const FONT_FAMILIES = ['Inter', 'Playfair Display', 'Oswald', 'DejaVu Sans'] as const
export const FontFamilySchema = z.enum(FONT_FAMILIES)
export type FontFamily = z.infer<typeof FontFamilySchema>

export const TextLayerSchema = z.object({
  ...layerBase,
  type: z.literal('text'),
  text: z.string().max(5_000),
  role: TextRoleSchema,
  fontFamily: FontFamilySchema,
  fontSize: z.number().min(4).max(1_000),
  fontWeight: z.union([z.literal(400), z.literal(700)]),
  fill: ColorSchema,
  align: z.enum(['left', 'center', 'right']),
  /** A multiple of the font size. */
  lineHeight: z.number().min(0.5).max(4)
})
export type TextLayer = z.infer<typeof TextLayerSchema>

export const ImageLayerSchema = z.object({
  ...layerBase,
  type: z.literal('image'),
  /** SHA-256 of the image blob (images live in the blob store, never inside the document). */
  blobHash: z.string().regex(/^[0-9a-f]{64}$/),
  naturalWidth: z.number().int().min(1).max(100_000),
  naturalHeight: z.number().int().min(1).max(100_000),
  alt: z.string().max(1_000)
})
export type ImageLayer = z.infer<typeof ImageLayerSchema>

export const ShapeLayerSchema = z.object({
  ...layerBase,
  type: z.literal('shape'),
  /** A line runs from the box's top-left to its bottom-right corner, drawn in `stroke`; `fill` is unused for it. */
  shape: z.enum(['rect', 'ellipse', 'line']),
  fill: ColorSchema,
  stroke: ColorSchema,
  strokeWidth: z.number().min(0).max(500),
  cornerRadius: z.number().min(0).max(10_000)
})
export type ShapeLayer = z.infer<typeof ShapeLayerSchema>

export const LayerSchema = z.discriminatedUnion('type', [TextLayerSchema, ImageLayerSchema, ShapeLayerSchema])
export type Layer = z.infer<typeof LayerSchema>
export type LayerType = Layer['type']

/** A design as drawn: the canvas and its valid layers bottom to top, plus what could not be read. */
export interface Design {
  canvas: Canvas
  layers: Layer[]
  /** Ids of layers whose data is malformed (skipped, so the rest still draws). */
  unreadable: string[]
}

/** An axis-aligned box in canvas pixels. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}
