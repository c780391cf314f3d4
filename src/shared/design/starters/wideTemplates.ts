import { shape, template, text } from './templateParts'

// Starters for wide formats: LinkedIn post, Open Graph image, X header, YouTube thumbnail.

export const productLaunch = template(
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

export const articleShare = template(
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

export const channelBanner = template(
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

export const videoThumbnail = template(
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
