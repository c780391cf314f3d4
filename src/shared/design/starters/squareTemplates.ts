import { shape, template, text } from './templateParts'

// Starters for square posts (Instagram post).

export const boldAnnouncement = template(
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

export const quoteCard = template(
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
