import { shape, template, text } from './templateParts'

// Starters for tall stories (Instagram story).

export const eventStory = template(
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

export const saleStory = template(
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
