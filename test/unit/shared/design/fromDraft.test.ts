import { describe, expect, it } from 'vitest'
import { draftCopy, fillTemplate } from '../../../../src/shared/design/fromDraft'
import { wrapText } from '../../../../src/shared/design/svgExport'
import { DESIGN_TEMPLATES, templateById } from '../../../../src/shared/design/templates'
import { LayerSchema, type Layer, type TextLayer } from '../../../../src/shared/design/types'

const FLOOD_DRAFT = [
  'Flood warning for the lower valley',
  'The river rose overnight.',
  'Crews from three towns worked until dawn to raise the barriers along Mill Road.',
  'By 6 a.m. the water stood 2.4 metres above its usual level, the highest reading since records began in 1952.',
  'Residents should check the council website for updates.'
].join('\n')

function counterIds(): () => string {
  let next = 0
  return () => `layer-${++next}`
}

function textLayers(layers: readonly Layer[]): TextLayer[] {
  return layers.filter((layer): layer is TextLayer => layer.type === 'text')
}

function fits(layer: TextLayer): boolean {
  return wrapText(layer.text, layer, layer.width).length * layer.fontSize * layer.lineHeight <= layer.height
}

describe('draftCopy', () => {
  it('takes the headline from the title and a meaningful sentence as the key line', () => {
    const copy = draftCopy('River breaks its banks', FLOOD_DRAFT)
    expect(copy.headline).toBe('River breaks its banks')
    expect(copy.keyLine).toBe('By 6 a.m. the water stood 2.4 metres above its usual level, the highest reading since records began in 1952.')
    expect(copy.callToAction).toBe('Read more')
  })

  it('uses the first sentence as the headline when there is no title, and never repeats it as the key line', () => {
    const copy = draftCopy('  ', 'Our new garden opens on Saturday. Everyone is welcome to bring a plant and a friend along for the day.')
    expect(copy.headline).toBe('Our new garden opens on Saturday')
    expect(copy.keyLine).toBe('Everyone is welcome to bring a plant and a friend along for the day.')
  })

  it('skips a body heading that repeats the title', () => {
    const copy = draftCopy('Flood warning for the lower valley', FLOOD_DRAFT)
    expect(copy.keyLine).not.toBe('Flood warning for the lower valley')
    expect(copy.keyLine).toContain('2.4 metres')
  })

  it('trims a long title at a word boundary with an ellipsis', () => {
    const copy = draftCopy('Everything we learned from running a community newsroom for ten years without any funding', '')
    // The cut ends on a whole word, and not on a dangling 'for'.
    expect(copy.headline).toBe('Everything we learned from running a community newsroom…')
    expect(copy.headline.length).toBeLessThanOrEqual(60)
    expect(copy.keyLine).toBe('')
  })

  it('trims a long key line too', () => {
    const sentence = `Tickets ${'and more tickets '.repeat(20)}are on sale now.`
    const copy = draftCopy('Title', sentence)
    expect(copy.keyLine.length).toBeLessThanOrEqual(140)
    expect(copy.keyLine).toMatch(/^Tickets and more tickets( and| more| tickets)*…$/)
  })

  it('picks the call to action from cues in the text', () => {
    expect(draftCopy('Spring workshop', 'Register by Friday to join the workshop.').callToAction).toBe('Save your seat')
    expect(draftCopy('Summer sale', 'Everything in store is 30% off this week.').callToAction).toBe('Shop now')
    expect(draftCopy('We are hiring', 'Apply before the end of the month.').callToAction).toBe('Apply now')
    expect(draftCopy('Weekly letter', 'Subscribe to our newsletter for more.').callToAction).toBe('Sign up today')
    expect(draftCopy('Introducing offline mode', 'It works on a plane.').callToAction).toBe('Try it today')
    expect(draftCopy('A walk in the hills', 'The path climbs through old oak woods.').callToAction).toBe('Read more')
  })

  it('is deterministic', () => {
    expect(draftCopy('River breaks its banks', FLOOD_DRAFT)).toEqual(draftCopy('River breaks its banks', FLOOD_DRAFT))
  })
})

describe('fillTemplate', () => {
  const boldAnnouncement = templateById('bold-announcement')!

  it('keeps the layer set and fills headline, subline and cta', () => {
    const template = boldAnnouncement.build(counterIds())
    const filled = fillTemplate(boldAnnouncement, draftCopy('River breaks its banks', FLOOD_DRAFT), counterIds())
    expect(filled.canvas).toEqual(template.canvas)
    expect(filled.layers.map(({ id, type, name }) => ({ id, type, name }))).toEqual(template.layers.map(({ id, type, name }) => ({ id, type, name })))
    const byRole = (role: string): string[] => textLayers(filled.layers).filter((layer) => layer.role === role).map((layer) => layer.text)
    expect(byRole('headline')).toEqual(['River breaks its banks'])
    expect(byRole('subline')[0]).toContain('2.4 metres')
    expect(byRole('cta')).toEqual(['Read more'])
    // The template's label is body text beside a subline, so it keeps its own copy.
    expect(byRole('body')).toEqual(['Announcement'])
    for (const layer of filled.layers) expect(LayerSchema.safeParse(layer).success).toBe(true)
  })

  it('shrinks a long headline to fit, never below 60 % and never above the template size', () => {
    const templateSizes = new Map(textLayers(boldAnnouncement.build(counterIds()).layers).map((layer) => [layer.name, layer.fontSize]))
    const short = fillTemplate(boldAnnouncement, { headline: 'Hi', keyLine: 'Short.', callToAction: 'Go' }, counterIds())
    for (const layer of textLayers(short.layers)) expect(layer.fontSize).toBe(templateSizes.get(layer.name))

    const headline = 'Crews from three towns worked until dawn on Mill Road'
    const long = fillTemplate(boldAnnouncement, { headline, keyLine: '', callToAction: 'Read more' }, counterIds())
    const filled = textLayers(long.layers).find((layer) => layer.role === 'headline')!
    const original = templateSizes.get('Headline')!
    expect(filled.text).toBe(headline)
    expect(filled.fontSize).toBeLessThan(original)
    expect(filled.fontSize).toBeGreaterThanOrEqual(original * 0.6)
    expect(fits(filled)).toBe(true)
  })

  it('trims with an ellipsis when even 60 % is too large', () => {
    const headline = 'Everything we learned from running a community newsroom for ten long years without any funding at all, and why we would do it again'
    const filled = fillTemplate(boldAnnouncement, { headline, keyLine: '', callToAction: 'Read more' }, counterIds())
    const layer = textLayers(filled.layers).find((candidate) => candidate.role === 'headline')!
    expect(layer.fontSize).toBe(Math.ceil(88 * 0.6))
    expect(layer.text.endsWith('…')).toBe(true)
    expect(headline.startsWith(layer.text.slice(0, -1))).toBe(true)
    expect(fits(layer)).toBe(true)
  })

  it('leaves text the draft has no copy for as the template wrote it', () => {
    const filled = fillTemplate(boldAnnouncement, { headline: 'Hello', keyLine: '', callToAction: 'Read more' }, counterIds())
    expect(textLayers(filled.layers).find((layer) => layer.role === 'subline')?.text).toBe('Join us on 12 June for the reveal.')
  })

  it('fills every template with fitting, valid text', () => {
    const copy = draftCopy('River breaks its banks after the wettest week on record', FLOOD_DRAFT)
    for (const template of DESIGN_TEMPLATES) {
      const { layers } = fillTemplate(template, copy, counterIds())
      for (const layer of layers) expect(LayerSchema.safeParse(layer).success, `${template.id} ${layer.name}`).toBe(true)
      for (const layer of textLayers(layers)) expect(fits(layer), `${template.id} ${layer.name}: ${layer.text}`).toBe(true)
    }
  })
})
