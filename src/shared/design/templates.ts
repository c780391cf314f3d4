import { presetById, type PresetId } from './presets'
import type { Background, Canvas, Layer, ShapeLayer, TextLayer } from './types'

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
type LayerSpec = (id: string, z: number) => Layer

type TextSpec = Pick<TextLayer, 'name' | 'text' | 'role' | 'x' | 'y' | 'width' | 'height' | 'fontSize' | 'fill'> &
  Partial<Pick<TextLayer, 'fontFamily' | 'fontWeight' | 'align' | 'lineHeight'>>

type ShapeSpec = Pick<ShapeLayer, 'name' | 'shape' | 'x' | 'y' | 'width' | 'height'> &
  Partial<Pick<ShapeLayer, 'fill' | 'stroke' | 'strokeWidth' | 'cornerRadius' | 'rotation' | 'opacity'>>

function text(spec: TextSpec): LayerSpec {
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

function shape(spec: ShapeSpec): LayerSpec {
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
function template(
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

const boldAnnouncement = template(
  {
    id: 'bold-announcement',
    name: 'Bold announcement',
    presetId: 'instagram-post',
    description: 'A big headline on a deep violet gradient, with a date line and a white button.'
  },
  { kind: 'linear', from: '#312e81', to: '#6d28d9', angle: 135 },
  [
    shape({ name: 'Glow', shape: 'ellipse', x: 700, y: -320, width: 560, height: 560, fill: '#8b5cf6', opacity: 0.45 }),
    shape({ name: 'Ring', shape: 'ellipse', x: 820, y: 760, width: 380, height: 380, fill: '#312e81', stroke: '#a78bfa', strokeWidth: 6 }),
    text({ name: 'Label', role: 'body', text: 'Announcement', x: 96, y: 120, width: 500, height: 40, fontSize: 30, fontWeight: 700, fill: '#ede9fe' }),
    shape({ name: 'Accent', shape: 'line', x: 96, y: 200, width: 120, height: 0, stroke: '#f472b6', strokeWidth: 8 }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Something big is on the way',
      x: 96,
      y: 260,
      width: 700,
      height: 340,
      fontSize: 88,
      fontWeight: 700,
      lineHeight: 1.05,
      fill: '#ffffff'
    }),
    text({
      name: 'Subline',
      role: 'subline',
      text: 'Join us on 12 June for the reveal.',
      x: 96,
      y: 630,
      width: 700,
      height: 110,
      fontSize: 40,
      lineHeight: 1.3,
      fill: '#ede9fe'
    }),
    shape({ name: 'Button', shape: 'rect', x: 96, y: 820, width: 400, height: 110, fill: '#ffffff', cornerRadius: 55 }),
    text({
      name: 'Call to action',
      role: 'cta',
      text: 'Learn more',
      x: 116,
      y: 848,
      width: 360,
      height: 54,
      fontSize: 40,
      fontWeight: 700,
      align: 'center',
      fill: '#4c1d95'
    })
  ]
)

const quoteCard = template(
  {
    id: 'quote-card',
    name: 'Quote card',
    presetId: 'instagram-post',
    description: 'A serif quotation on warm paper inside a thin frame, with an attribution.'
  },
  { kind: 'solid', color: '#fdf6ec' },
  [
    shape({ name: 'Frame', shape: 'rect', x: 64, y: 64, width: 952, height: 952, fill: '#fdf6ec', stroke: '#1c1917', strokeWidth: 4 }),
    shape({ name: 'Sun', shape: 'ellipse', x: 860, y: 860, width: 360, height: 360, fill: '#f59e0b', opacity: 0.85 }),
    text({
      name: 'Quote mark',
      role: 'body',
      text: '“',
      x: 120,
      y: 110,
      width: 200,
      height: 220,
      fontFamily: 'Playfair Display',
      fontSize: 240,
      fontWeight: 700,
      lineHeight: 0.9,
      fill: '#b45309'
    }),
    text({
      name: 'Quote',
      role: 'headline',
      text: 'Write the story only you can tell, then share it with the world.',
      x: 120,
      y: 340,
      width: 840,
      height: 400,
      fontFamily: 'Playfair Display',
      fontSize: 64,
      fontWeight: 700,
      fill: '#1c1917'
    }),
    shape({ name: 'Rule', shape: 'line', x: 120, y: 790, width: 80, height: 0, stroke: '#b45309', strokeWidth: 6 }),
    text({
      name: 'Attribution',
      role: 'subline',
      text: '— Your name, your role',
      x: 120,
      y: 820,
      width: 700,
      height: 50,
      fontSize: 36,
      lineHeight: 1.3,
      fill: '#44403c'
    })
  ]
)

const eventStory = template(
  {
    id: 'event-story',
    name: 'Event story',
    presetId: 'instagram-story',
    description: 'A night-blue story for a talk or workshop: what, when, where, and a bright button.'
  },
  { kind: 'linear', from: '#0f172a', to: '#1e3a8a', angle: 90 },
  [
    shape({ name: 'Glow', shape: 'ellipse', x: 640, y: -200, width: 640, height: 640, fill: '#38bdf8', opacity: 0.3 }),
    shape({ name: 'Planet', shape: 'ellipse', x: -240, y: 1480, width: 900, height: 900, fill: '#2563eb', opacity: 0.6 }),
    text({ name: 'Label', role: 'body', text: 'Live workshop', x: 96, y: 300, width: 500, height: 50, fontSize: 36, fontWeight: 700, fill: '#7dd3fc' }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Design for the open web',
      x: 96,
      y: 480,
      width: 888,
      height: 380,
      fontSize: 112,
      fontWeight: 700,
      lineHeight: 1.05,
      fill: '#ffffff'
    }),
    shape({ name: 'Divider', shape: 'line', x: 96, y: 900, width: 200, height: 0, stroke: '#38bdf8', strokeWidth: 6 }),
    text({
      name: 'Details',
      role: 'subline',
      text: 'Thursday 12 June, 18:00\nCommunity Hall, Riverside',
      x: 96,
      y: 930,
      width: 888,
      height: 130,
      fontSize: 44,
      lineHeight: 1.35,
      fill: '#e2e8f0'
    }),
    shape({ name: 'Button', shape: 'rect', x: 96, y: 1260, width: 520, height: 120, fill: '#38bdf8', cornerRadius: 60 }),
    text({
      name: 'Call to action',
      role: 'cta',
      text: 'Save your seat',
      x: 116,
      y: 1292,
      width: 480,
      height: 56,
      fontSize: 44,
      fontWeight: 700,
      align: 'center',
      fill: '#0f172a'
    })
  ]
)

const saleStory = template(
  {
    id: 'sale-story',
    name: 'Sale story',
    presetId: 'instagram-story',
    description: 'Loud condensed type on sunny yellow, with an orange sun and a black shop button.'
  },
  { kind: 'linear', from: '#fef9c3', to: '#facc15', angle: 90 },
  [
    shape({ name: 'Diamond', shape: 'rect', x: 900, y: -120, width: 300, height: 300, fill: '#111827', rotation: 45 }),
    shape({ name: 'Sun', shape: 'ellipse', x: 700, y: 1100, width: 600, height: 600, fill: '#f97316' }),
    text({
      name: 'Label',
      role: 'body',
      text: 'Limited time',
      x: 96,
      y: 300,
      width: 500,
      height: 60,
      fontFamily: 'Oswald',
      fontSize: 48,
      fontWeight: 700,
      fill: '#111827'
    }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Summer sale',
      x: 96,
      y: 400,
      width: 888,
      height: 420,
      fontFamily: 'Oswald',
      fontSize: 200,
      fontWeight: 700,
      lineHeight: 1,
      fill: '#111827'
    }),
    text({
      name: 'Offer',
      role: 'subline',
      text: 'Up to 50% off everything',
      x: 96,
      y: 860,
      width: 888,
      height: 170,
      fontFamily: 'Oswald',
      fontSize: 72,
      lineHeight: 1.15,
      fill: '#111827'
    }),
    shape({ name: 'Button', shape: 'rect', x: 96, y: 1380, width: 560, height: 130, fill: '#111827' }),
    text({
      name: 'Call to action',
      role: 'cta',
      text: 'Shop now',
      x: 116,
      y: 1408,
      width: 520,
      height: 74,
      fontFamily: 'Oswald',
      fontSize: 60,
      fontWeight: 700,
      align: 'center',
      fill: '#facc15'
    }),
    text({
      name: 'Small print',
      role: 'body',
      text: 'Ends Sunday at midnight',
      x: 96,
      y: 1560,
      width: 560,
      height: 50,
      fontFamily: 'Oswald',
      fontSize: 40,
      fill: '#111827'
    })
  ]
)

const productLaunch = template(
  {
    id: 'product-launch',
    name: 'Product launch',
    presetId: 'linkedin-post',
    description: 'A dark launch card: headline and button on the left, an app window sketched on the right.'
  },
  { kind: 'solid', color: '#0f172a' },
  [
    shape({ name: 'Window', shape: 'rect', x: 700, y: 90, width: 420, height: 447, fill: '#1e293b', stroke: '#334155', strokeWidth: 2, cornerRadius: 28 }),
    shape({ name: 'Title bar', shape: 'rect', x: 730, y: 130, width: 360, height: 24, fill: '#38bdf8', cornerRadius: 12 }),
    shape({ name: 'Text line', shape: 'rect', x: 730, y: 180, width: 240, height: 16, fill: '#475569', cornerRadius: 8 }),
    shape({ name: 'Text line', shape: 'rect', x: 730, y: 214, width: 300, height: 16, fill: '#475569', cornerRadius: 8 }),
    shape({ name: 'Picture', shape: 'rect', x: 730, y: 260, width: 360, height: 240, fill: '#0ea5e9', cornerRadius: 16 }),
    shape({ name: 'Picture sun', shape: 'ellipse', x: 850, y: 320, width: 120, height: 120, fill: '#f8fafc', opacity: 0.9 }),
    text({ name: 'Label', role: 'body', text: 'New release', x: 72, y: 96, width: 400, height: 30, fontSize: 22, fontWeight: 700, fill: '#38bdf8' }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Meet the fastest way to ship your ideas',
      x: 72,
      y: 140,
      width: 580,
      height: 250,
      fontSize: 56,
      fontWeight: 700,
      lineHeight: 1.1,
      fill: '#ffffff'
    }),
    text({
      name: 'Subline',
      role: 'subline',
      text: 'Version 2.0 is here: offline first, faster, and free to try.',
      x: 72,
      y: 405,
      width: 580,
      height: 80,
      fontSize: 26,
      lineHeight: 1.35,
      fill: '#cbd5e1'
    }),
    shape({ name: 'Button', shape: 'rect', x: 72, y: 505, width: 260, height: 62, fill: '#38bdf8', cornerRadius: 31 }),
    text({
      name: 'Call to action',
      role: 'cta',
      text: 'Try it today',
      x: 86,
      y: 520,
      width: 232,
      height: 32,
      fontSize: 24,
      fontWeight: 700,
      align: 'center',
      fill: '#0f172a'
    })
  ]
)

const articleShare = template(
  {
    id: 'article-share',
    name: 'Article share',
    presetId: 'open-graph',
    description: 'An editorial link preview: serif headline, summary and byline on off-white, with a red spine.'
  },
  { kind: 'solid', color: '#fafaf9' },
  [
    shape({ name: 'Spine', shape: 'rect', x: 0, y: 0, width: 24, height: 630, fill: '#b91c1c' }),
    shape({ name: 'Blush', shape: 'ellipse', x: 900, y: 380, width: 500, height: 500, fill: '#fee2e2' }),
    text({ name: 'Label', role: 'body', text: 'Essay', x: 80, y: 72, width: 300, height: 32, fontSize: 24, fontWeight: 700, fill: '#b91c1c' }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Why the best tools still work when the internet does not',
      x: 80,
      y: 120,
      width: 960,
      height: 250,
      fontFamily: 'Playfair Display',
      fontSize: 60,
      fontWeight: 700,
      lineHeight: 1.15,
      fill: '#1c1917'
    }),
    text({
      name: 'Summary',
      role: 'subline',
      text: 'A short, plain summary of the article in one sentence.',
      x: 80,
      y: 395,
      width: 760,
      height: 80,
      fontSize: 28,
      lineHeight: 1.35,
      fill: '#44403c'
    }),
    shape({ name: 'Byline rule', shape: 'line', x: 80, y: 536, width: 56, height: 0, stroke: '#b91c1c', strokeWidth: 4 }),
    text({ name: 'Byline', role: 'body', text: 'Your Name, 6 min read', x: 156, y: 520, width: 520, height: 32, fontSize: 24, fill: '#57534e' })
  ]
)

const channelBanner = template(
  {
    id: 'channel-banner',
    name: 'Channel banner',
    presetId: 'x-header',
    description: 'A teal header with soft circles on the left (where the profile picture sits) and the tagline on the right.'
  },
  { kind: 'linear', from: '#022c22', to: '#0f766e', angle: 20 },
  [
    shape({ name: 'Circle', shape: 'ellipse', x: -120, y: -160, width: 520, height: 520, fill: '#14b8a6', opacity: 0.35 }),
    shape({ name: 'Circle', shape: 'ellipse', x: 160, y: 260, width: 300, height: 300, fill: '#2dd4bf', opacity: 0.25 }),
    shape({ name: 'Stroke', shape: 'line', x: 420, y: 60, width: 120, height: 380, stroke: '#5eead4', strokeWidth: 3, opacity: 0.6 }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'Stories worth keeping',
      x: 620,
      y: 130,
      width: 820,
      height: 170,
      fontFamily: 'DejaVu Sans',
      fontSize: 72,
      fontWeight: 700,
      lineHeight: 1.1,
      fill: '#ffffff'
    }),
    text({
      name: 'Tagline',
      role: 'subline',
      text: 'Essays and notes on writing, every Tuesday',
      x: 620,
      y: 320,
      width: 820,
      height: 90,
      fontFamily: 'DejaVu Sans',
      fontSize: 30,
      lineHeight: 1.3,
      fill: '#ccfbf1'
    })
  ]
)

const videoThumbnail = template(
  {
    id: 'video-thumbnail',
    name: 'Video thumbnail',
    presetId: 'youtube-thumbnail',
    description: 'A punchy headline and a yellow tag on charcoal, with a spot for your photo on a tilted red card.'
  },
  { kind: 'solid', color: '#18181b' },
  [
    shape({ name: 'Tilted card', shape: 'rect', x: 760, y: 40, width: 460, height: 560, fill: '#dc2626', cornerRadius: 24, rotation: 4 }),
    shape({ name: 'Photo placeholder', shape: 'rect', x: 740, y: 60, width: 460, height: 540, fill: '#3f3f46', cornerRadius: 24 }),
    shape({ name: 'Placeholder head', shape: 'ellipse', x: 880, y: 150, width: 180, height: 180, fill: '#71717a' }),
    shape({ name: 'Placeholder shoulders', shape: 'rect', x: 820, y: 360, width: 300, height: 240, fill: '#71717a', cornerRadius: 60 }),
    text({
      name: 'Headline',
      role: 'headline',
      text: 'I tried it for 30 days',
      x: 60,
      y: 110,
      width: 620,
      height: 390,
      fontFamily: 'Oswald',
      fontSize: 120,
      fontWeight: 700,
      lineHeight: 1,
      fill: '#ffffff'
    }),
    shape({ name: 'Tag', shape: 'rect', x: 60, y: 520, width: 560, height: 90, fill: '#facc15', cornerRadius: 8 }),
    text({
      name: 'Tag text',
      role: 'subline',
      text: 'Here is what happened',
      x: 84,
      y: 536,
      width: 512,
      height: 58,
      fontFamily: 'Oswald',
      fontSize: 48,
      fontWeight: 700,
      fill: '#18181b'
    })
  ]
)

/** The starter templates, in the order the picker shows them. */
export const DESIGN_TEMPLATES: readonly DesignTemplate[] = [
  boldAnnouncement,
  quoteCard,
  eventStory,
  saleStory,
  productLaunch,
  articleShare,
  channelBanner,
  videoThumbnail
]

/** The template with this id, if any. */
export function templateById(id: string): DesignTemplate | undefined {
  return DESIGN_TEMPLATES.find((candidate) => candidate.id === id)
}
