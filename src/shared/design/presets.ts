/** A platform's canvas size, and the margin its own UI may cover (text outside it may be hidden). */
export interface DesignPreset {
  id: PresetId
  name: string
  width: number
  height: number
  /** Insets (px) from each edge that the platform may crop or cover with its own interface. */
  safeZone: { top: number; right: number; bottom: number; left: number }
}

export type PresetId =
  | 'instagram-post'
  | 'instagram-story'
  | 'linkedin-post'
  | 'x-header'
  | 'youtube-thumbnail'
  | 'open-graph'

export const DESIGN_PRESETS: readonly DesignPreset[] = [
  { id: 'instagram-post', name: 'Instagram post', width: 1080, height: 1080, safeZone: { top: 54, right: 54, bottom: 54, left: 54 } },
  // Stories: the top 250 px carry the profile bar, the bottom 250 px the reply field.
  { id: 'instagram-story', name: 'Instagram story', width: 1080, height: 1920, safeZone: { top: 250, right: 64, bottom: 250, left: 64 } },
  { id: 'linkedin-post', name: 'LinkedIn post', width: 1200, height: 627, safeZone: { top: 40, right: 40, bottom: 40, left: 40 } },
  // The profile picture covers the lower left; narrow screens crop the top and bottom.
  { id: 'x-header', name: 'X header', width: 1500, height: 500, safeZone: { top: 60, right: 60, bottom: 60, left: 60 } },
  // The duration badge sits in the lower right corner.
  { id: 'youtube-thumbnail', name: 'YouTube thumbnail', width: 1280, height: 720, safeZone: { top: 36, right: 36, bottom: 90, left: 36 } },
  { id: 'open-graph', name: 'Open Graph image', width: 1200, height: 630, safeZone: { top: 40, right: 40, bottom: 40, left: 40 } }
]

/** Custom sizes are bounded so one export stays a sane allocation (8000 × 8000 × 4 bytes ≈ 256 MB at 1×). */
export const MIN_CANVAS_SIDE = 16
export const MAX_CANVAS_SIDE = 8000

export function presetById(id: string | null | undefined): DesignPreset | undefined {
  return DESIGN_PRESETS.find((preset) => preset.id === id)
}

/** The safe zone for a canvas: its preset's, or a 5 % margin for a custom size. */
export function safeZoneOf(canvas: { presetId: string | null; width: number; height: number }): DesignPreset['safeZone'] {
  const preset = presetById(canvas.presetId)
  if (preset && preset.width === canvas.width && preset.height === canvas.height) return preset.safeZone
  const x = Math.round(canvas.width * 0.05)
  const y = Math.round(canvas.height * 0.05)
  return { top: y, right: x, bottom: y, left: x }
}
